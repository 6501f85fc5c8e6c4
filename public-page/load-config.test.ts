import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { loadPublicChat } from './load-config.ts'

const config = {
  widgetId: 'w1',
  lineId: 'l1',
  name: 'Acme',
  publicSlug: 'acme',
  settings: { title: 'Acme support', greeting: 'Hi', color: '#1f6feb' },
  publicUrl: 'http://x',
  wsUrl: 'ws://x/ws',
}

let server: Server | null = null
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

async function serve(handler: (url: string) => { status: number; body: string }): Promise<string> {
  server = createServer((req, res) => {
    const { status, body } = handler(req.url ?? '')
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(body)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`
}

const fetchJson = (url: string) => fetch(url)

describe('loadPublicChat', () => {
  it('returns the config of an existing slug', async () => {
    const base = await serve((url) =>
      url === '/api/public/chat/acme'
        ? { status: 200, body: JSON.stringify(config) }
        : { status: 500, body: '' },
    )
    expect(await loadPublicChat(fetchJson, base, 'acme')).toEqual({ kind: 'ready', config })
  })

  it("asks for the texts of the browser's language (issue 5, item 7)", async () => {
    const base = await serve((url) =>
      url === '/api/public/chat/acme?locale=ru-RU'
        ? { status: 200, body: JSON.stringify(config) }
        : { status: 500, body: '' },
    )
    expect(await loadPublicChat(fetchJson, base, 'acme', 'ru-RU')).toEqual({ kind: 'ready', config })
  })

  it('maps 404 to not-found', async () => {
    const base = await serve(() => ({ status: 404, body: '{"error":{"code":"not_found","message":"x"}}' }))
    expect(await loadPublicChat(fetchJson, base, 'gone')).toEqual({ kind: 'not-found' })
  })

  it('reports server errors, junk answers and an unreachable server as errors', async () => {
    let answer = { status: 503, body: '' }
    const base = await serve(() => answer)
    expect(await loadPublicChat(fetchJson, base, 'acme')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('503'),
    })
    answer = { status: 200, body: '{"nope":true}' }
    expect(await loadPublicChat(fetchJson, base, 'acme')).toMatchObject({ kind: 'error' })
    answer = { status: 200, body: 'not json' }
    expect(await loadPublicChat(fetchJson, base, 'acme')).toMatchObject({ kind: 'error' })
    expect(await loadPublicChat(fetchJson, 'http://127.0.0.1:1/', 'acme')).toMatchObject({ kind: 'error' })
  })
})
