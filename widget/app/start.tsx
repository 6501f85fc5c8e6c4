/** The lazily imported chunk: everything behind the launcher. */
import { panelCss } from '../chat/panel-css.ts'
import type { StartWidget } from '../host-contract.ts'
import { createBrowserChat, reportError } from '../realtime/browser-chat.ts'
import { createEmitter, readTraits } from './events.ts'
import { mountWidget } from './widget-root.tsx'

export const start: StartWidget = (host) => {
  host.adoptStyles(panelCss)
  const events = createEmitter()
  const chat = createBrowserChat({
    baseUrl: host.baseUrl,
    widgetId: host.widgetId,
    wsUrl: host.config.wsUrl,
    onEvent: events.emit,
  })
  const app = mountWidget(chat, {
    ...host,
    emit: events.emit,
    activeElement: () => host.shadow.activeElement,
  })
  chat.start().catch(reportError)
  events.emit('ready')
  return { ...app, on: events.on, identify: (traits) => app.identify(readTraits(traits)) }
}
