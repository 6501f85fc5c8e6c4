/** Wires the chat client to the real browser: WebSocket, fetch, IndexedDB, BroadcastChannel, timers. */
import { broadcastPeers } from '../state/cross-tab.ts'
import { idbKeyValue } from '../state/idb-key-value.ts'
import { createChat } from './chat-client.ts'
import { idGenerator } from './ids.ts'
import type { ChatController, ChatEventName, Network, SocketLike, Timers } from './types.ts'
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

class BrowserSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null
  onmessage: SocketLike['onmessage'] = null
  onclose: SocketLike['onclose'] = null
  private readonly ws: WebSocket
  constructor(url: string) {
    this.ws = new WebSocket(url)
    this.ws.onopen = () => this.onopen?.()
    this.ws.onmessage = (event) => this.onmessage?.(event)
    this.ws.onclose = (event) => this.onclose?.(event)
  }
  send(data: string): void {
    this.ws.send(data)
  }
  close(code?: number): void {
    this.ws.close(code)
  }
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

/** Errors the widget cannot act on still surface in the console, without breaking the host page. */
export function reportError(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error)
  else
    setTimeout(() => {
      throw error
    })
}

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
    WebSocket: BrowserSocket,
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
