/** The lazily imported chunk: everything behind the launcher. */
import { chooserCss } from '../channels/chooser-css.ts'
import { panelCss } from '../chat/panel-css.ts'
import type { StartWidget } from '../host-contract.ts'
import { createBrowserChat, reportError } from '../realtime/browser-chat.ts'
import { readChannel, readPageUrl, readPrefill } from './commands.ts'
import { createEmitter, readTraits } from './events.ts'
import { setLocale } from './set-locale.ts'
import { mountWidget } from './widget-root.tsx'

export const start: StartWidget = (host) => {
  host.adoptStyles(panelCss + chooserCss)
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
  return {
    open: app.open,
    close: app.close,
    toggle: app.toggle,
    on: events.on,
    identify: (traits) => app.identify(readTraits(traits)),
    show: (channel) => app.show(readChannel(channel, app.config().settings.channels.enabled)),
    prefill: (values) => app.prefill(readPrefill(values)),
    setLocale: (code) =>
      setLocale(code, {
        ...host,
        fetch: (url) => fetch(url),
        setConfig: app.setConfig,
        identify: app.identify,
      }),
    page: (url) => host.page(readPageUrl(url, document.URL)),
  }
}
