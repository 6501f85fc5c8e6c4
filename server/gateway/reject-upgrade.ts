import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'

export interface UpgradeRejection {
  status: 400 | 401 | 403 | 404 | 500 | 503
  /** Machine-readable, e.g. `invalid_token`. */
  error: string
  message: string
}

/**
 * Answers an upgrade request that will not become a WebSocket with a plain HTTP error. The socket
 * was never handed to `ws`, so nothing else will ever write to it or close it.
 */
export function rejectUpgrade(socket: Duplex, rejection: UpgradeRejection): void {
  if (socket.destroyed) return
  const body = JSON.stringify({ error: rejection.error, message: rejection.message })
  const head = [
    `HTTP/1.1 ${rejection.status} ${STATUS_CODES[rejection.status] ?? ''}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ].join('\r\n')
  // Destroy once flushed, as ws does for its own handshake errors: `end` alone would leave a
  // half-open socket to a client that never closes its side.
  socket.once('finish', socket.destroy)
  socket.end(`${head}\r\n\r\n${body}`)
}
