/**
 * One WebSocket kept alive: reconnects with capped exponential backoff and full jitter, waits for
 * the `online` event instead of retrying while the browser knows it is offline, and drops the socket
 * at `offline` (a dead connection can otherwise hang for minutes before the browser notices).
 */
import { backoffDelay } from './backoff.ts'
import type { Network, SocketConstructor, SocketLike, Timers } from './types.ts'

export interface SocketSessionDeps {
  WebSocket: SocketConstructor
  timers: Timers
  network: Network
  random: () => number
}

export interface SocketSessionHandlers {
  /** Null while there is nothing to connect as (no visitor yet): the session waits for `kick()`. */
  url(): string | null
  onOpen(): void
  onMessage(data: unknown): void
  /** `opened` is false when the socket never opened (refused upgrade, server down). */
  onClose(code: number, opened: boolean): void
}

export interface SocketSession {
  start(): void
  stop(): void
  /** Connect now if not connected (a visitor just appeared); keeps an open socket. */
  kick(): void
  /** The server said hello: the next failure starts the backoff from the beginning. */
  resetBackoff(): void
  /** False when no socket is open: the caller keeps the data queued. */
  send(data: string): boolean
}

/** Close code used locally when the browser reports going offline (1006: abnormal closure). */
export const OFFLINE_CLOSE = 1006

export function createSocketSession(deps: SocketSessionDeps, h: SocketSessionHandlers): SocketSession {
  let running = false
  let socket: SocketLike | null = null
  let opened = false
  let attempt = 0
  let timer: unknown = null
  let unsubscribe: (() => void) | null = null

  const clearTimer = () => {
    if (timer !== null) deps.timers.clearTimeout(timer)
    timer = null
  }

  const connect = () => {
    clearTimer()
    if (!running || socket || !deps.network.online()) return
    const url = h.url()
    if (url === null) return
    const ws = new deps.WebSocket(url)
    socket = ws
    opened = false
    ws.onopen = () => {
      if (socket !== ws) return
      opened = true
      h.onOpen()
    }
    ws.onmessage = (event) => {
      if (socket === ws) h.onMessage(event.data)
    }
    ws.onclose = (event) => {
      if (socket !== ws) return
      drop(event.code)
      schedule()
    }
  }

  const drop = (code: number) => {
    const wasOpen = opened
    socket = null
    opened = false
    h.onClose(code, wasOpen)
  }

  const schedule = () => {
    if (!running || timer !== null || socket || !deps.network.online()) return
    timer = deps.timers.setTimeout(connect, backoffDelay(attempt++, deps.random))
  }

  const onNetwork = (online: boolean) => {
    if (!running) return
    if (online) {
      attempt = 0
      connect()
      return
    }
    clearTimer()
    const ws = socket
    if (!ws) return
    drop(OFFLINE_CLOSE)
    ws.close()
  }

  return {
    start() {
      if (running) return
      running = true
      unsubscribe = deps.network.subscribe(onNetwork)
      connect()
    },
    stop() {
      running = false
      clearTimer()
      unsubscribe?.()
      unsubscribe = null
      const ws = socket
      socket = null
      opened = false
      ws?.close(1000)
    },
    kick: connect,
    resetBackoff() {
      attempt = 0
    },
    send(data) {
      if (!socket || !opened) return false
      socket.send(data)
      return true
    },
  }
}
