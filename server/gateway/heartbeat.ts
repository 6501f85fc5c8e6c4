import type { WebSocket } from 'ws'
import { GatewaySocket } from './gateway-socket.ts'

/**
 * One interval for all sockets (no per-socket timers): each tick terminates the sockets that did
 * not answer the previous ping and pings the rest, as y-websocket's server does. A dead peer (a
 * laptop closed mid-chat) is thereby dropped within two intervals.
 */
export function startHeartbeat(clients: ReadonlySet<GatewaySocket>, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const ws of clients) {
      const conn = ws.conn
      if (!conn) continue
      if (!conn.alive) {
        ws.terminate()
        continue
      }
      conn.alive = false
      ws.ping()
    }
  }, intervalMs)
  // The HTTP server keeps the process alive; the heartbeat alone must not.
  timer.unref()
  return () => clearInterval(timer)
}

/** Shared `pong` listener (one function for every socket, `this` is the socket). */
export function markAlive(this: WebSocket): void {
  if (this instanceof GatewaySocket && this.conn) this.conn.alive = true
}
