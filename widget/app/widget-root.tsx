import { render } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import type { ChannelKind, ChannelPanelProps } from '../channels/channel-types.ts'
import { Chooser } from '../channels/chooser.tsx'
import { LazyPanel } from '../channels/lazy-panel.tsx'
import { channelFormId, orderChannels } from '../channels/order.ts'
import { visitorToken as waitForToken } from '../chat/attachments/files.ts'
import { ChatPanelView } from '../chat/chat-panel.tsx'
import { CloseIcon } from '../chat/icons.tsx'
import { useChatState } from '../chat/use-chat-state.ts'
import type { WidgetApp, WidgetConfig, WidgetEvent, WidgetHost } from '../host-contract.ts'
import type { ChatController } from '../realtime/types.ts'
import { unreadCount } from '../state/selectors.ts'
import { chatTexts } from './chat-texts.ts'
import { fill } from './fill.ts'

export type RootHost = Pick<
  WidgetHost,
  'baseUrl' | 'config' | 'mount' | 'launcher' | 'setUnread' | 'setExpanded' | 'setLabel'
> & {
  emit(event: WidgetEvent, data?: unknown): void
  /** The focused element as seen from the widget (the shadow root's activeElement). */
  activeElement(): Element | null
}

export const PANEL_ID = 'openline-panel'

/** What changes after mount: the view the page asked for, the locale's config, prefilled values. */
export interface RootModel {
  /**
   * Set by `show` (or a choice): which channel is on screen; 'choose' = the chooser (Back);
   * null = the default for the widget.
   */
  view: ChannelKind | 'choose' | null
  config: WidgetConfig
  prefill: Record<string, string>
  /** The pre-chat form was sent in this page (issue 5 item 3): the chat opens. */
  preChatDone?: boolean
}

interface WidgetRootProps {
  chat: ChatController
  host: RootHost
  model: RootModel
  /** A change the visitor made (a choice, Back, the pre-chat form sent): focus moves into the panel. */
  set(change: Partial<RootModel>): void
  visitorToken(): Promise<string>
  /** Set by an open the visitor asked for: focus moves into the panel. Restoring "open" after a reload does not steal focus. */
  focusOnOpen: { current: boolean }
  onClose: () => void
}

function WidgetRoot({ chat, host, model, set, visitorToken, focusOnOpen, onClose }: WidgetRootProps) {
  const state = useChatState(chat)
  const { config } = model
  const unread = state.open ? 0 : unreadCount(state)
  const seenOpen = useRef<boolean | null>(null)
  const label = config.settings.launcherLabel

  useEffect(() => {
    host.setUnread(unread)
    host.setLabel(label, unread > 0 ? fill(config.texts['launcher.unread'], { label, count: unread }) : label)
    host.emit('unread', unread)
  }, [host, unread, label, config])

  useEffect(() => {
    host.setExpanded(state.open)
    if (seenOpen.current !== null && seenOpen.current !== state.open) host.emit(state.open ? 'open' : 'close')
    seenOpen.current = state.open
    focusOnOpen.current = false
  }, [host, state.open, focusOnOpen])

  if (!state.open) return null
  const channels = orderChannels(config)
  // An ongoing conversation reopens into the chat; otherwise one channel opens directly, several show the chooser.
  const ongoing = state.conversationStatus === 'open' && state.messages.length > 0
  const chosen = model.view ?? (channels.length === 1 ? channels[0]! : ongoing ? 'chat' : null)
  const view = chosen === 'choose' ? null : chosen
  const { settings, texts } = config
  const autoFocus = focusOnOpen.current
  const back = channels.length > 1 && view ? () => set({ view: 'choose' }) : undefined
  // Issue 5 item 3: a visitor with no conversation in this browser fills the pre-chat form first.
  const preChat =
    view === 'chat' && !model.preChatDone && !state.messages.length && settings.channels.preChatFormId
  if (view === 'chat' && !preChat) {
    return (
      <ChatPanelView
        id={PANEL_ID}
        chat={chat}
        settings={settings}
        texts={{ ...chatTexts(texts), title: settings.title, greeting: settings.greeting }}
        layout="floating"
        onClose={onClose}
        onBack={back}
        autoFocus={autoFocus}
        baseUrl={host.baseUrl}
        // Issue "Open lines": the no-answer reply's "call me back" opens the callback channel when it is on.
        onCallback={channels.includes('callback') ? () => set({ view: 'callback' }) : undefined}
      />
    )
  }
  const title = view && !preChat ? (texts[`${view}.title`] ?? settings.title) : settings.title
  const panelProps: ChannelPanelProps = {
    baseUrl: host.baseUrl,
    config,
    visitorToken,
    prefill: model.prefill,
    emit(event, data) {
      host.emit(event, data)
      // The answers identify the visitor on the server (server/forms/submit-form.ts); then the chat.
      if (preChat) set({ preChatDone: true })
    },
    autoFocus,
    ...(back && { onBack: back }),
  }
  return (
    <section
      id={PANEL_ID}
      class="ol-panel"
      role="dialog"
      aria-label={title}
      data-layout="floating"
      data-theme={settings.theme}
      data-position={settings.position}
      data-testid="openline-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <div class="ol-head">
        {back && (
          <button type="button" class="ol-close" aria-label={texts['panel.back']} onClick={back}>
            ‹
          </button>
        )}
        <h2 class="ol-title">{title}</h2>
        <button type="button" class="ol-close" aria-label={texts['panel.close']} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div class="ol-body">
        {view === null ? (
          <Chooser
            config={config}
            channels={channels}
            onChoose={(c) => set({ view: c })}
            autoFocus={autoFocus}
          />
        ) : (
          <LazyPanel
            key={preChat ? 'pre' : view}
            kind={preChat ? 'form' : (view as 'form' | 'callback')}
            {...panelProps}
            formId={preChat || channelFormId(config)}
          />
        )}
      </div>
    </section>
  )
}

export interface MountedWidget extends Pick<WidgetApp, 'open' | 'close' | 'toggle'> {
  identify: ChatController['identify']
  /** Opens on a channel (checked by the caller). */
  show(channel: ChannelKind): void
  prefill(values: Record<string, string>): void
  setConfig(config: WidgetConfig): void
  config(): WidgetConfig
}

/** Renders the panel into the host and returns what the `Openline(…)` commands call. */
export function mountWidget(chat: ChatController, host: RootHost): MountedWidget {
  const focusOnOpen = { current: false }
  let model: RootModel = { view: null, config: host.config, prefill: {} }
  const update = (change: Partial<RootModel>) => {
    model = { ...model, ...change }
    draw()
  }
  const close = (returnFocus: boolean) => {
    chat.setOpen(false)
    update({ view: null })
    if (returnFocus) host.launcher.focus()
  }
  const panelHasFocus = () => {
    const active = host.activeElement()
    return active !== null && host.mount.contains(active)
  }
  // The callback and form panels need a visitor: opening creates one (first contact), then wait for it.
  const visitorToken = () => {
    const token = waitForToken(chat)
    chat.setOpen(true)
    return token
  }
  const app: MountedWidget = {
    open() {
      if (chat.getState().open) return
      focusOnOpen.current = true
      chat.setOpen(true)
    },
    // Closed from the page's code: focus goes back to the launcher only if it was inside the panel.
    close: () => close(panelHasFocus()),
    toggle: () => (chat.getState().open ? app.close() : app.open()),
    identify: (traits) => chat.identify(traits),
    show(channel) {
      focusOnOpen.current = true
      update({ view: channel })
      chat.setOpen(true)
    },
    prefill: (values) => update({ prefill: { ...model.prefill, ...values } }),
    setConfig: (config) => update({ config }),
    config: () => model.config,
  }
  const draw = () =>
    render(
      <WidgetRoot
        chat={chat}
        host={host}
        model={model}
        set={(change) => {
          focusOnOpen.current = true
          update(change)
        }}
        visitorToken={visitorToken}
        focusOnOpen={focusOnOpen}
        onClose={() => close(true)}
      />,
      host.mount,
    )
  draw()
  return app
}
