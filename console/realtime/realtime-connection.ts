/**
 * Keeps one realtime socket alive: connects, reports `online` once the server's `session.ready`
 * arrives, and after any drop reconnects with capped exponential backoff and jitter (issue "Chat
 * end to end"). What to do after a (re)connect — resync, resend, re-fetch — is the caller's
 * business, driven by the `session.ready` frame it receives.
 */
import type { ClientFrame, ServerFrame } from '../../server/protocol/messages.ts'
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff.ts'
import { parseServerFrame } from './frames.ts'
import type { OpenSocket, SocketHandle } from './socket.ts'

/** CLOSE_CODES.unauthorized in server/protocol/messages.ts, copied so zod stays out of the bundle. */
export const CLOSE_UNAUTHORIZED = 4001

export type RealtimeStatus = 'connecting' | 'online' | 'offline' | 'unauthorized'

export interface StatusInfo {
  /** Close code of the socket that just went away, when there was one. */
  closeCode?: number
  /** Failed attempts in a row since the last `session.ready`. */
  failures: number
  /** Whether the socket that just closed had opened (a refused upgrade never opens). */
  opened?: boolean
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface RealtimeOptions {
  /** Read on every attempt: a visitor's token may have been replaced meanwhile. */
  url: () => string
  openSocket: OpenSocket
  timers: Timers
  random: () => number
  backoff?: BackoffPolicy
  onFrame(frame: ServerFrame): void
  onStatus(status: RealtimeStatus, info: StatusInfo): void
  /** A frame that is not JSON with a `type`: a server bug worth surfacing, not a reason to drop. */
  onInvalidFrame(text: string): void
}

export interface RealtimeConnection {
  start(): void
  stop(): void
  /** Skips the remaining backoff wait (the browser came back online, the tab became visible). */
  reconnectNow(): void
  /** False when not ready: the caller keeps the frame (e.g. in its outbox) and sends it after `session.ready`. */
  send(frame: ClientFrame): boolean
  isReady(): boolean
}

export function createRealtimeConnection(options: RealtimeOptions): RealtimeConnection {
  const policy = options.backoff ?? DEFAULT_BACKOFF
  let socket: SocketHandle | null = null
  let ready = false
  let running = false
  let failures = 0
  let retryTimer: unknown = null

  function connect(): void {
    retryTimer = null
    if (!running) return
    options.onStatus('connecting', { failures })
    let opened = false
    const handle = options.openSocket(options.url(), {
      open() {
        opened = true
      },
      message(text) {
        if (socket !== handle) return
        const frame = parseServerFrame(text)
        if (!frame) {
          options.onInvalidFrame(text)
          return
        }
        if (frame.type === 'session.ready') {
          ready = true
          failures = 0
          options.onStatus('online', { failures })
        }
        options.onFrame(frame)
      },
      close(code) {
        if (socket !== handle) return
        socket = null
        ready = false
        if (!running) return
        if (code === CLOSE_UNAUTHORIZED) {
          running = false
          options.onStatus('unauthorized', { closeCode: code, failures, opened })
          return
        }
        failures += 1
        options.onStatus('offline', { closeCode: code, failures, opened })
        scheduleRetry()
      },
    })
    socket = handle
  }

  function scheduleRetry(): void {
    if (retryTimer !== null || !running) return
    retryTimer = options.timers.setTimeout(connect, backoffDelay(failures - 1, options.random, policy))
  }

  function clearRetry(): void {
    if (retryTimer === null) return
    options.timers.clearTimeout(retryTimer)
    retryTimer = null
  }

  return {
    start() {
      if (running) return
      running = true
      failures = 0
      connect()
    },
    stop() {
      running = false
      clearRetry()
      const current = socket
      socket = null
      ready = false
      current?.close(1000, 'client stopped')
    },
    reconnectNow() {
      if (!running || socket !== null) return
      clearRetry()
      connect()
    },
    send(frame) {
      if (!socket || !ready || !socket.isOpen()) return false
      socket.send(JSON.stringify(frame))
      return true
    },
    isReady: () => ready,
  }
}
