import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import {
  createRealtimeConnection,
  type RealtimeConnection,
  type RealtimeStatus,
} from './realtime-connection.ts'
import type { OpenSocket } from './socket.ts'

/** The `ws` client behind the same seam the browser's WebSocket uses. */
const wsSocket: OpenSocket = (url, handlers) => {
  const socket = new WebSocket(url)
  socket.on('open', () => handlers.open())
  socket.on('message', (data) => handlers.message(String(data)))
  socket.on('close', (code, reason) => handlers.close(code, String(reason)))
  socket.on('error', () => {
    // 'close' follows every 'error' in ws; the connection reacts there.
  })
  return {
    send: (data) => socket.send(data),
    close: (code, reason) => socket.close(code, reason),
    isOpen: () => socket.readyState === WebSocket.OPEN,
  }
}

const ready: ServerFrame = {
  type: 'session.ready',
  role: 'operator',
  subjectId: 'op',
  conversations: [],
  serverTime: 0,
}

let server: WebSocketServer | null = null
let connection: RealtimeConnection | null = null
afterEach(async () => {
  connection?.stop()
  connection = null
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

async function startServer(): Promise<{ server: WebSocketServer; url: string }> {
  const s = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((resolve) => s.once('listening', () => resolve()))
  server = s
  return { server: s, url: `ws://127.0.0.1:${(s.address() as AddressInfo).port}` }
}

function connect(url: string) {
  const frames: ServerFrame[] = []
  const statuses: RealtimeStatus[] = []
  const waiters: (() => void)[] = []
  const notify = () => {
    for (const w of waiters.splice(0)) w()
  }
  connection = createRealtimeConnection({
    url: () => url,
    openSocket: wsSocket,
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    random: () => 0,
    backoff: { baseMs: 20, maxMs: 100 },
    onFrame: (f) => {
      frames.push(f)
      notify()
    },
    onStatus: (s) => {
      statuses.push(s)
      notify()
    },
    onInvalidFrame: (text) => {
      frames.push({ type: 'frame.error', ref: null, code: 'invalid_json', message: text })
      notify()
    },
  })
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => waiters.push(resolve))
  }
  return { frames, statuses, until, conn: connection }
}

describe('realtime connection', () => {
  it('is ready after session.ready and sends frames as JSON', async () => {
    const { server: s, url } = await startServer()
    const firstFrame = new Promise<string>((resolve) => {
      s.on('connection', (socket) => {
        socket.once('message', (data) => resolve(String(data)))
        socket.send(JSON.stringify(ready))
      })
    })
    const { conn, statuses, until } = connect(url)
    expect(conn.send({ type: 'presence.set', id: 'early', status: 'online' })).toBe(false)
    conn.start()
    await until(() => statuses.includes('online'))
    expect(conn.send({ type: 'presence.set', id: 'p1', status: 'online' })).toBe(true)
    expect(JSON.parse(await firstFrame)).toEqual({ type: 'presence.set', id: 'p1', status: 'online' })
  })

  it('reconnects after the server drops the socket and gets a fresh session.ready', async () => {
    const { server: s, url } = await startServer()
    let connections = 0
    s.on('connection', (socket) => {
      connections += 1
      socket.send(JSON.stringify(ready))
      if (connections === 1) socket.close(4008, 'slow consumer')
    })
    const { frames, statuses, until } = connect(url)
    connection!.start()
    await until(() => frames.filter((f) => f.type === 'session.ready').length === 2)
    expect(statuses).toContain('offline')
    expect(statuses.at(-1)).toBe('online')
  })

  it('stops on 4001 unauthorized instead of retrying', async () => {
    const { server: s, url } = await startServer()
    let connections = 0
    s.on('connection', (socket) => {
      connections += 1
      socket.close(4001, 'unauthorized')
    })
    const { statuses, until } = connect(url)
    connection!.start()
    await until(() => statuses.includes('unauthorized'))
    expect(connections).toBe(1)
    expect(connection!.isReady()).toBe(false)
  })

  it('reports frames that are not JSON', async () => {
    const { server: s, url } = await startServer()
    s.on('connection', (socket) => socket.send('not json'))
    const { frames, until } = connect(url)
    connection!.start()
    await until(() => frames.length > 0)
    expect(frames[0]).toMatchObject({ message: 'not json' })
  })
})
