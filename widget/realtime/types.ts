import type { WireAttachment } from '../../server/protocol/messages.ts'
import type { ChatState, RatingValue } from '../state/types.ts'

/** Just what the client needs from a WebSocket; tests pass a fake constructor, browsers the real one. */
export interface SocketLike {
  send(data: string): void
  close(code?: number): void
  onopen: (() => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: { code: number }) => void) | null
}

export type SocketConstructor = new (url: string) => SocketLike

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface Network {
  online(): boolean
  /** Called with the new state on every `online`/`offline` event. */
  subscribe(listener: (online: boolean) => void): () => void
}

export type DeviceClass = 'phone' | 'tablet' | 'desktop'

/** POST /api/visitors `context`: captured once, on first contact. */
export interface VisitorContext {
  page?: string
  referrer?: string
  language?: string
  timeZone?: string
  device?: DeviceClass
  userAgent?: string
  /** Issue 5 item 7: the page's `Openline('setLocale', code)`; the server's auto-replies follow it. */
  locale?: 'en' | 'ru' | 'pl'
}

/** What `Openline('identify', …)` accepts (PATCH /api/visitors/me). */
export interface VisitorTraits {
  name?: string | null
  email?: string | null
  phone?: string | null
  /** issue 6 item 1: the site's own user id, and its HMAC where the widget has an identity secret. */
  id?: string | null
  userHash?: string
}

export type ChatEventName = 'message'

/**
 * The object the chat components render from: the widget and the public chat page both create one
 * (createBrowserChat) and hand it to <ChatPanel chat={…} />.
 */
export interface ChatController {
  getState(): ChatState
  subscribe(listener: () => void): () => void
  /** Restores history from storage, then connects if this browser is already a visitor. */
  start(): Promise<void>
  /**
   * Queues a message (shown as pending at once); false when the body is empty (and no files) or
   * too long. `files`: the visitor's uploads (issue 5, item 4).
   */
  send(body: string, files?: WireAttachment[]): boolean
  /** Call on every keystroke in the composer: throttled into `typing.update` frames. */
  typing(): void
  /** The visitor has seen everything on screen (panel open and page visible). */
  markRead(): void
  /** Rates the closed conversation on screen (`conversation.rate`); a later call replaces the rating. */
  rate(value: RatingValue, comment: string): void
  setOpen(open: boolean): void
  /**
   * The visitor ends the open conversation on screen (`conversation.close`); the server's
   * `conversation.updated` then closes it here and the rating form appears. False while offline.
   */
  end(): boolean
  /** PATCH /api/visitors/me, now or once the visitor exists; `context` merges into the stored one. */
  identify(traits: VisitorTraits & { context?: VisitorContext }): Promise<void>
  stop(): void
}
