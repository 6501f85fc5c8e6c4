import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createConsoleApi } from './console-api.ts'
import { ApiError, createHttpClient } from './http-client.ts'

interface Seen {
  method: string
  url: string
  csrf: string | undefined
  body: string
}

let server: Server | null = null
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

/** A real HTTP server answering like the Openline API does. */
async function fakeApi(answer: (req: IncomingMessage) => { status: number; body?: unknown }) {
  const seen: Seen[] = []
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      seen.push({
        method: req.method!,
        url: req.url!,
        csrf: req.headers['x-csrf-token'] as string | undefined,
        body,
      })
      const { status, body: out } = answer(req)
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(out === undefined ? '' : JSON.stringify(out))
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
  return { seen, http: createHttpClient({ fetch: (input, init) => fetch(input, init), baseUrl }) }
}

const session = {
  operator: {
    id: 'o1',
    workspaceId: 'w',
    email: 'a@b.c',
    name: 'Ann',
    avatarUrl: null,
    role: 'admin',
    createdAt: 0,
  },
  workspace: { id: 'w', name: 'Shop', createdAt: 0 },
  csrfToken: 'csrf-123',
}

describe('console API client', () => {
  it('adds X-CSRF-Token from the session to state-changing calls only', async () => {
    const { seen, http } = await fakeApi((req) =>
      req.url === '/api/auth/login'
        ? { status: 200, body: session }
        : { status: 200, body: { conversations: [], conversation: { id: 'c1' } } },
    )
    const api = createConsoleApi(http)
    await api.login('a@b.c', 'pw')
    await api.listConversations({ status: 'open', mine: true })
    await api.closeConversation('c 1')
    expect(seen.map((s) => [s.method, s.url, s.csrf])).toEqual([
      ['POST', '/api/auth/login', undefined],
      ['GET', '/api/conversations?status=open&mine=true', undefined],
      ['POST', '/api/conversations/c%201/close', 'csrf-123'],
    ])
    expect(JSON.parse(seen[0]!.body)).toEqual({ email: 'a@b.c', password: 'pw' })
  })

  it('turns error bodies into ApiError with code, message and issues', async () => {
    const { http } = await fakeApi(() => ({
      status: 400,
      body: { error: { code: 'invalid_body', message: 'Bad', issues: [{ path: ['email'] }] } },
    }))
    const error = await createConsoleApi(http)
      .login('', '')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_body',
      message: 'Bad',
      issues: [{ path: ['email'] }],
    })
  })

  it('answers me() with null on 401 and keeps other errors', async () => {
    let status = 401
    const { http } = await fakeApi(() => ({
      status,
      body: { error: { code: 'unauthorized', message: 'no' } },
    }))
    const api = createConsoleApi(http)
    expect(await api.me()).toBeNull()
    status = 500
    await expect(api.me()).rejects.toMatchObject({ status: 500, code: 'unauthorized' })
  })

  it('handles 204 and non-JSON error bodies', async () => {
    let status = 204
    const { http } = await fakeApi(() => ({ status }))
    await expect(createConsoleApi(http).logout()).resolves.toBeUndefined()
    status = 502
    await expect(http.get('/x')).rejects.toMatchObject({ status: 502, code: 'http_502' })
  })

  it('reports an unreachable server as a network ApiError', async () => {
    const http = createHttpClient({
      fetch: (input, init) => fetch(input, init),
      baseUrl: 'http://127.0.0.1:1',
    })
    await expect(http.get('/api/auth/me')).rejects.toMatchObject({ status: 0, code: 'network' })
  })
})
