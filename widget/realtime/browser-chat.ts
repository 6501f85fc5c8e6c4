/** Wires the chat client to the real browser: WebSocket, fetch, IndexedDB, BroadcastChannel, timers. */
import { broadcastPeers } from '../state/cross-tab.ts'
import { idbKeyValue } from '../state/idb-key-value.ts'
import { createChat } from './chat-client.ts'
import { idGenerator } from './ids.ts'
import type { ChatController, ChatEventName, Network, SocketConstructor, Timers } from './types.ts'
import { createVisitorApi } from './visitor-api.ts'
import { visitorContext } from './visitor-context.ts'

export interface BrowserChatOptions {
  /** The Openline server root with a trailing slash (the loader derives it from its own URL). */
  baseUrl: string
  widgetId: string
  /** `wsUrl` from GET /api/widgets/:id/config (or /api/public/chat/:slug). */
  wsUrl: string
  onEvent?: (name: ChatEventName, data: unknown) => void
}

const timers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

const network: Network = {
  online: () => navigator.onLine !== false,
  subscribe(listener) {
    const on = () => listener(true)
    const off = () => listener(false)
    addEventListener('online', on)
    addEventListener('offline', off)
    return () => {
      removeEventListener('online', on)
      removeEventListener('offline', off)
    }
  },
}

/**
 * Errors the widget cannot act on still surface in the console, without breaking the host page.
 * Every browser the widget targets has reportError (Safari since 15.4, like Array.prototype.at).
 */
export const reportError = (error: unknown): void => globalThis.reportError(error)

export function createBrowserChat(opts: BrowserChatOptions): ChatController {
  return createChat({
    widgetId: opts.widgetId,
    wsUrl: opts.wsUrl,
    api: createVisitorApi({
      baseUrl: opts.baseUrl,
      widgetId: opts.widgetId,
      fetch: (url, init) => fetch(url, init),
    }),
    kv: idbKeyValue(),
    peers: broadcastPeers(opts.widgetId),
    // The browser's own socket has the shape SocketLike describes; only its handler types are wider.
    WebSocket: WebSocket as unknown as SocketConstructor,
    timers,
    network,
    random: Math.random,
    now: Date.now,
    newId: idGenerator(crypto),
    context: () =>
      visitorContext({
        href: location.href,
        referrer: document.referrer,
        language: navigator.language,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        viewportWidth: innerWidth,
        userAgent: navigator.userAgent,
      }),
    onEvent: opts.onEvent,
    reportError,
  })
}
