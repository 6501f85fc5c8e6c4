/** Opening many client sockets without letting one stuck handshake hang the bench. */
import WebSocket from 'ws'
import { mapLimit } from './concurrency.ts'

export interface SocketTarget {
  url: string
  headers?: Record<string, string>
}

/**
 * Resolves once the socket is open and — with `firstFrame` — once its first frame arrived
 * (Openline's `session.ready`: from then on the socket's bus subscription is live).
 */
export function openClient(
  target: SocketTarget,
  firstFrame: boolean,
  timeoutMs = 30_000,
): Promise<WebSocket> {
  const ws = new WebSocket(target.url, { headers: target.headers, perMessageDeflate: false })
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer)
      ws.terminate()
      reject(error)
    }
    const timer = setTimeout(
      () => fail(new Error(`no ${firstFrame ? 'first frame' : 'open'} in ${timeoutMs} ms`)),
      timeoutMs,
    )
    const done = () => {
      clearTimeout(timer)
      ws.off('error', fail)
      // A socket that fails later must not crash the bench; the phase notices missing replies.
      ws.on('error', () => ws.terminate())
      resolve(ws)
    }
    ws.once('error', fail)
    ws.once('unexpected-response', (_req, res) => fail(new Error(`upgrade refused: ${res.statusCode}`)))
    if (firstFrame) ws.once('message', done)
    else ws.once('open', done)
  })
}

/** Opens `count` sockets, `concurrency` handshakes at a time; closes the opened ones if any fails. */
export async function openClients(
  count: number,
  target: (index: number) => SocketTarget,
  options: { firstFrame: boolean; concurrency?: number },
): Promise<WebSocket[]> {
  const opened: WebSocket[] = []
  try {
    await mapLimit(count, options.concurrency ?? 100, async (index) => {
      const ws = await openClient(target(index), options.firstFrame)
      opened[index] = ws
      return ws
    })
    return opened
  } catch (error) {
    await closeClients(opened.filter(Boolean))
    throw error
  }
}

/** Closes every socket and waits until each is closed (at most 5 s, then terminates it). */
export async function closeClients(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve()
          const timer = setTimeout(() => ws.terminate(), 5000)
          ws.once('close', () => {
            clearTimeout(timer)
            resolve()
          })
          ws.close()
        }),
    ),
  )
}

export function toWsUrl(httpUrl: string, pathAndQuery: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}${pathAndQuery}`
}
