import { useEffect, useRef, useState } from 'preact/hooks'
import type { WidgetSettings } from '../../server/widgets/settings-schema.ts'
import type { ChatController } from '../realtime/types.ts'
import { unreadCount } from '../state/selectors.ts'
import { openFile } from './attachments/files.ts'
import { Composer } from './composer.tsx'
import { CloseIcon } from './icons.tsx'
import { MessageList } from './message-list.tsx'
import { RatingForm } from './rating-form.tsx'
import { type ChatTexts, defaultTexts } from './texts.ts'
import { useChatState } from './use-chat-state.ts'
import { usePageVisible } from './use-page-visible.ts'
import { useVisualViewport } from './use-visual-viewport.ts'

/**
 * The main colour is not a setting of the panel: it reads `--ol-color` / `--ol-on-color` from its
 * container (the widget's host element, or an element styled with `themeStyle(color)`), so the
 * panel chunk never carries the contrast maths the loader already has.
 */
export type PanelSettings = Partial<
  Pick<
    WidgetSettings,
    'theme' | 'position' | 'title' | 'greeting' | 'showOperatorAvatar' | 'showOperatorName'
  >
>

export interface ChatPanelProps {
  /** From createBrowserChat (or createChat in tests). */
  chat: ChatController
  /** Widget settings: theme, title, greeting… (texts override title and greeting). */
  settings?: PanelSettings
  texts?: Partial<ChatTexts>
  /** "floating": the widget's panel above the launcher (full-screen on phones). "page": fills its container. */
  layout?: 'floating' | 'page'
  /** Shows the close button and lets Escape close the panel. */
  onClose?: () => void
  /** Shows a back button (the widget's channel chooser, when several channels are on). */
  onBack?: (() => void) | undefined
  /** Move focus into the composer on mount (the visitor just opened the chat). */
  autoFocus?: boolean
  /** Where relative avatar URLs point: the Openline server. */
  baseUrl?: string
  id?: string
  /**
   * Issue "Open lines": opens the callback channel (the shell's `Openline('show','callback')`). Pass
   * it only while the callback channel is on; without it a no-answer callback offer is text only.
   */
  onCallback?: () => void
}

/** The panel with the built-in English texts under the given ones (the public chat page, tests). */
export function ChatPanel(props: ChatPanelProps) {
  const { settings = {} } = props
  const texts: ChatTexts = {
    ...defaultTexts,
    ...(settings.title && { title: settings.title }),
    ...(settings.greeting !== undefined && { greeting: settings.greeting }),
    ...props.texts,
  }
  return <ChatPanelView {...props} texts={texts} />
}

/**
 * The panel with every text given: the widget takes them from the config's catalog, so its bundle
 * does not carry the English defaults too (issue "widget size").
 */
export function ChatPanelView(props: ChatPanelProps & { texts: ChatTexts }) {
  const { chat, settings = {}, layout = 'floating', onClose, texts } = props
  const state = useChatState(chat)
  const visible = usePageVisible()
  const unread = unreadCount(state)
  const root = useRef<HTMLElement>(null)
  const [ending, setEnding] = useState(false)
  const canEnd = state.conversationStatus === 'open' && state.connection === 'online'
  const lineClosed = state.messages.some((m) => m.status === 'failed' && m.error === 'line_closed')
  useVisualViewport(root)

  // On screen means open: this is first contact (the visitor is created and the socket connects).
  useEffect(() => {
    if (!chat.getState().open) chat.setOpen(true)
  }, [chat])

  useEffect(() => {
    if (visible && unread > 0) chat.markRead()
  }, [chat, visible, unread])

  useEffect(() => {
    const el = root.current
    if (!el || !onClose) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.stopPropagation()
      onClose()
    }
    el.addEventListener('keydown', onKey)
    return () => el.removeEventListener('keydown', onKey)
  }, [onClose])

  return (
    <section
      ref={root}
      id={props.id}
      class="ol-panel"
      role={layout === 'floating' ? 'dialog' : undefined}
      aria-label={texts.title}
      data-layout={layout}
      data-theme={settings.theme ?? 'auto'}
      data-position={settings.position ?? 'bottom-right'}
      data-testid="openline-panel"
    >
      <div class="ol-head">
        {props.onBack && (
          <button type="button" class="ol-close" aria-label={texts.back} onClick={props.onBack}>
            ‹
          </button>
        )}
        <h2 class="ol-title">{texts.title}</h2>
        {canEnd && (
          <button
            type="button"
            class="ol-end"
            aria-expanded={ending}
            onClick={() => setEnding(!ending)}
            data-testid="openline-end"
          >
            {texts.end}
          </button>
        )}
        {onClose && (
          <button
            type="button"
            class="ol-close"
            aria-label={texts.close}
            onClick={onClose}
            data-testid="openline-close"
          >
            <CloseIcon />
          </button>
        )}
      </div>
      {canEnd && ending && (
        <div class="ol-note ol-confirm">
          <span>{texts.endConfirm}</span>
          <button
            type="button"
            class="ol-rate-send"
            onClick={() => {
              setEnding(false)
              chat.end()
            }}
            data-testid="openline-end-confirm"
          >
            {texts.end}
          </button>
          <button type="button" onClick={() => setEnding(false)}>
            {texts.endKeep}
          </button>
        </div>
      )}
      {lineClosed && (
        <p class="ol-note" role="status">
          {texts.lineClosed}{' '}
          {props.onCallback && (
            <button type="button" class="ol-link" onClick={props.onCallback}>
              {texts.callMeBack}
            </button>
          )}
        </p>
      )}
      {state.connection === 'offline' && (
        <p class="ol-note" role="status">
          {texts.offline}
        </p>
      )}
      <MessageList
        state={state}
        texts={texts}
        greeting={texts.greeting}
        showAvatar={settings.showOperatorAvatar ?? true}
        showName={settings.showOperatorName ?? true}
        baseUrl={props.baseUrl}
        onCallback={props.onCallback}
        onFile={props.baseUrl ? (id) => openFile(props.baseUrl as string, chat, id) : undefined}
      />
      <p class="ol-typing" aria-live="polite" data-testid="openline-typing">
        {state.typing ? texts.typing(settings.showOperatorName === false ? null : state.typing.name) : ''}
      </p>
      {/* Always in the page, empty when not waiting: a live region must exist before it speaks. */}
      <p class="ol-note ol-queue" aria-live="polite" aria-atomic="true" data-testid="openline-queue">
        {state.queue ? texts.queuePosition(state.queue.position) : ''}
      </p>
      {state.conversationStatus === 'closed' && (
        <>
          <p class="ol-note">{texts.conversationClosed}</p>
          {/* Keyed by conversation: a rating form never carries a choice over to another conversation. */}
          <RatingForm key={state.conversationId} chat={chat} rating={state.rating} texts={texts} />
        </>
      )}
      <Composer chat={chat} texts={texts} autoFocus={props.autoFocus ?? false} baseUrl={props.baseUrl} />
    </section>
  )
}
