/**
 * Every server→client frame goes through here: a reader that does not read must not make the
 * server queue without bound (issue "Server core", item 5 — backpressure).
 */
import { WebSocket } from 'ws'
import { CLOSE_CODES } from '../protocol/messages.ts'

export interface SendLimits {
  maxBufferedBytes: number
  /** Told when a socket is closed as a slow consumer (for the log). */
  onSlowConsumer(ws: WebSocket, details: { bufferedAmount: number; frameBytes: number }): void
}

const TEXT = { binary: false } as const

/**
 * Sends `data` (UTF-8 JSON, shared between sockets) as a text frame unless that would take the
 * socket's queue past the cap; then closes the socket with 4008 instead. ws destroys the socket if
 * the close handshake does not finish within the server's closeTimeout. Returns whether it sent.
 */
export function safeSend(ws: WebSocket, data: Buffer, limits: SendLimits, onWritten?: () => void): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false
  const bufferedAmount = ws.bufferedAmount
  if (bufferedAmount + data.byteLength > limits.maxBufferedBytes) {
    ws.close(CLOSE_CODES.slowConsumer, 'slow consumer')
    limits.onSlowConsumer(ws, { bufferedAmount, frameBytes: data.byteLength })
    return false
  }
  ws.send(data, TEXT, onWritten)
  return true
}

/**
 * For long replies (a replay of many messages): once the queue passes half the cap, waits until
 * the frame has been handed to the kernel before the caller sends the next one, so a client that
 * reads slowly but steadily is throttled rather than cut off. Resolves on close too.
 */
export function sendPaced(ws: WebSocket, data: Buffer, limits: SendLimits): Promise<void> | undefined {
  if (ws.bufferedAmount + data.byteLength <= limits.maxBufferedBytes / 2) {
    safeSend(ws, data, limits)
    return undefined
  }
  return new Promise<void>((resolve) => {
    const done = () => {
      ws.off('close', done)
      resolve()
    }
    ws.once('close', done)
    if (!safeSend(ws, data, limits, done)) done()
  })
}

export function encodeFrame(frame: object): Buffer {
  return Buffer.from(JSON.stringify(frame))
}
