/**
 * A TCP pass-through in front of the test Tryton that can go away (connections refused, open ones
 * cut) and come back on the same port: "Tryton stopped mid-run" (issue 6) as the Openline server
 * sees it. Stopping trytond itself would take it away from every other test file running at the
 * same time (a race seen in CI: ECONNREFUSED in another file's set-up).
 */
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net'

export interface TcpGate {
  /** The local port; stays the same across close and open. */
  readonly port: number
  close(): Promise<void>
  open(): Promise<void>
}

export async function startTcpGate(target: { host: string; port: number }): Promise<TcpGate> {
  const sockets = new Set<Socket>()
  let server: Server | undefined
  let port = 0
  const open = async () => {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host)
      for (const s of [client, upstream]) {
        sockets.add(s)
        s.on('close', () => sockets.delete(s))
        s.on('error', () => s.destroy())
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  }
  await open()
  return {
    get port() {
      return port
    },
    async close() {
      const closing = new Promise<void>((resolve) => server!.close(() => resolve()))
      for (const s of sockets) s.destroy()
      await closing
    },
    open,
  }
}

/** The gate in front of a Tryton database URL, and that URL rewritten to pass through it. */
export async function gateTryton(url: string): Promise<{ gate: TcpGate; url: string }> {
  const upstream = new URL(url)
  const gate = await startTcpGate({ host: upstream.hostname, port: Number(upstream.port || 80) })
  return { gate, url: `http://127.0.0.1:${gate.port}${upstream.pathname}` }
}
