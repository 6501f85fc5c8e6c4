/**
 * A customer's website on its own origin (another port on loopback), serving the pages a test hands
 * it — the hostile host pages of the isolation tests, with whatever headers they need (CSP).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface HostPage {
  html: string
  headers?: Record<string, string>
}

export interface HostSite {
  url: string
  close(): Promise<void>
}

export async function startHostSite(pages: Record<string, HostPage>): Promise<HostSite> {
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname]
    if (!page) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
