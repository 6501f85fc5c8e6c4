/**
 * A test client over a real `ws` socket: collects every server frame and lets a test await the
 * one it expects (no sleeps).
 */
import WebSocket from 'ws'
import type {
  ClientFrame,
  ServerFrame,
  ServerFrameOf,
  ServerFrameType,
} from '../../server/protocol/messages.ts'

export interface TestSocket {
  ws: WebSocket
  frames: ServerFrame[]
  send(frame: ClientFrame): void
  /** Resolves with the first frame (already received or future) that matches. */
  waitFor<T extends ServerFrameType>(
    type: T,
    match?: (frame: ServerFrameOf<T>) => boolean,
    timeoutMs?: number,
  ): Promise<ServerFrameOf<T>>
  close(): Promise<void>
}

export function openSocket(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
  const ws = new WebSocket(url, { headers })
  const frames: ServerFrame[] = []
  const waiters = new Set<() => void>()
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as ServerFrame)
    for (const check of [...waiters]) check()
  })
  const socket: TestSocket = {
    ws,
    frames,
    send: (frame) => ws.send(JSON.stringify(frame)),
    waitFor(type, match = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        let seen = 0
        const check = () => {
          for (; seen < frames.length; seen++) {
            const frame = frames[seen]!
            if (frame.type === type && match(frame as ServerFrameOf<typeof type>)) {
              cleanup()
              resolve(frame as ServerFrameOf<typeof type>)
              return
            }
          }
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`timed out waiting for ${type}; got ${frames.map((f) => f.type).join(', ')}`))
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      })
    },
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return
      const closed = new Promise((resolve) => ws.once('close', resolve))
      ws.close()
      await closed
    },
  }
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket))
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
  })
}
