import { render } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { ChatPanel } from '../chat/chat-panel.tsx'
import { useChatState } from '../chat/use-chat-state.ts'
import type { WidgetApp, WidgetEvent, WidgetHost } from '../host-contract.ts'
import type { ChatController } from '../realtime/types.ts'
import { unreadCount } from '../state/selectors.ts'

export type RootHost = Pick<
  WidgetHost,
  'baseUrl' | 'config' | 'mount' | 'launcher' | 'setUnread' | 'setExpanded'
> & {
  emit(event: WidgetEvent, data?: unknown): void
  /** The focused element as seen from the widget (the shadow root's activeElement). */
  activeElement(): Element | null
}

export const PANEL_ID = 'openline-panel'

interface WidgetRootProps {
  chat: ChatController
  host: RootHost
  /** Set by an open the visitor asked for: focus moves into the panel. Restoring "open" after a reload does not steal focus. */
  focusOnOpen: { current: boolean }
  onClose: () => void
}

function WidgetRoot({ chat, host, focusOnOpen, onClose }: WidgetRootProps) {
  const state = useChatState(chat)
  const unread = state.open ? 0 : unreadCount(state)
  const seenOpen = useRef<boolean | null>(null)

  useEffect(() => {
    host.setUnread(unread)
    host.emit('unread', unread)
  }, [host, unread])

  useEffect(() => {
    host.setExpanded(state.open)
    if (seenOpen.current !== null && seenOpen.current !== state.open) host.emit(state.open ? 'open' : 'close')
    seenOpen.current = state.open
    focusOnOpen.current = false
  }, [host, state.open, focusOnOpen])

  if (!state.open) return null
  return (
    <ChatPanel
      id={PANEL_ID}
      chat={chat}
      settings={host.config.settings}
      layout="floating"
      onClose={onClose}
      autoFocus={focusOnOpen.current}
      baseUrl={host.baseUrl}
    />
  )
}

/** Renders the panel into the host and returns what the `Openline(…)` commands call. */
export function mountWidget(chat: ChatController, host: RootHost): Omit<WidgetApp, 'on'> {
  const focusOnOpen = { current: false }
  const close = (returnFocus: boolean) => {
    chat.setOpen(false)
    if (returnFocus) host.launcher.focus()
  }
  const panelHasFocus = () => {
    const active = host.activeElement()
    return active !== null && host.mount.contains(active)
  }
  const app: Omit<WidgetApp, 'on'> = {
    open() {
      if (chat.getState().open) return
      focusOnOpen.current = true
      chat.setOpen(true)
    },
    // Closed from the page's code: focus goes back to the launcher only if it was inside the panel.
    close: () => close(panelHasFocus()),
    toggle: () => (chat.getState().open ? app.close() : app.open()),
    identify: (traits) => chat.identify(traits),
  }
  render(
    <WidgetRoot chat={chat} host={host} focusOnOpen={focusOnOpen} onClose={() => close(true)} />,
    host.mount,
  )
  return app
}
