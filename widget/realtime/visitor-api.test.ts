import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createVisitorApi } from './visitor-api.ts'

interface Seen {
  method: string | undefined
  url: string | undefined
  auth: string | undefined
  type: string | undefined
  body: unknown
}

let server: Server | null = null
afterEach(async () => {
  const s = server
  server = null
  if (s) await new Promise((resolve) => s.close(resolve))
})

async function serve(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = []
  server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        auth: req.headers.authorization,
        type: req.headers['content-type'],
        body: raw ? JSON.parse(raw) : null,
      })
      answer(req, res)
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { base: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`, seen }
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))

describe('createVisitorApi', () => {
  it('creates the visitor with its context', async () => {
    const { base, seen } = await serve((_req, res) => json(res, 201, { visitorId: 'v1', token: 'tok' }))
    const api = createVisitorApi({ baseUrl: base, widgetId: 'w1', fetch })
    expect(await api.createVisitor({ language: 'en', device: 'desktop' })).toEqual({
      visitorId: 'v1',
      token: 'tok',
    })
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/api/visitors',
        auth: undefined,
        type: 'application/json',
        body: { widgetId: 'w1', context: { language: 'en', device: 'desktop' } },
      },
    ])
  })

  it('names the server error when creation fails', async () => {
    const { base } = await serve((_req, res) =>
      json(res, 403, {
        error: { code: 'origin_not_allowed', message: 'This widget is not enabled on this site' },
      }),
    )
    const api = createVisitorApi({ baseUrl: base, widgetId: 'w1', fetch })
    await expect(api.createVisitor({})).rejects.toThrow('HTTP 403: This widget is not enabled on this site')
  })

  it('patches the visitor with the bearer token and reports a refused token', async () => {
    const { base, seen } = await serve((req, res) =>
      req.headers.authorization === 'Bearer good'
        ? json(res, 200, { visitor: {} })
        : json(res, 401, { error: { code: 'unauthorized', message: 'no' } }),
    )
    const api = createVisitorApi({ baseUrl: base, widgetId: 'w1', fetch })
    expect(await api.updateVisitor('good', { name: 'Ada', email: 'ada@example.com' })).toBe('ok')
    expect(await api.updateVisitor('stale', {})).toBe('unauthorized')
    expect(seen.map((s) => [s.method, s.url, s.auth, s.body])).toEqual([
      ['PATCH', '/api/visitors/me', 'Bearer good', { name: 'Ada', email: 'ada@example.com' }],
      ['PATCH', '/api/visitors/me', 'Bearer stale', {}],
    ])
  })
})
