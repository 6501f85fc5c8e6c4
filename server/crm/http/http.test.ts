import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { CrmError } from '../crm-error.ts'
import { fetchHttp, HttpTransportError, pacedHttp, parseRetryAfter, send } from './index.ts'

async function withServer(
  handler: Parameters<typeof createServer>[1],
  run: (url: string) => Promise<void>,
): Promise<void> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/secret-token-path`)
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

async function closedPortUrl(): Promise<string> {
  let url = ''
  await withServer(
    () => undefined,
    async (open) => {
      url = open
    },
  )
  return url
}

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T10:00:00Z')
  it('reads delay-seconds and HTTP dates, and ignores the rest', () => {
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})

describe('fetchHttp', () => {
  it('returns status, headers and body without following redirects', async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(302, { location: 'https://elsewhere.example/', 'retry-after': '3' })
        res.end('moved')
      },
      async (url) => {
        const response = await fetchHttp({ method: 'GET', url, timeoutMs: 2000 })
        expect(response).toMatchObject({ status: 302, body: 'moved' })
        expect(response.headers.get('retry-after')).toBe('3')
      },
    )
  })

  it('classifies a refused connection as not sent', async () => {
    const url = await closedPortUrl()
    const error = await fetchHttp({ method: 'POST', url, body: '{}', timeoutMs: 2000 }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(HttpTransportError)
    expect(error).toMatchObject({ failure: 'not-sent', detail: 'ECONNREFUSED' })
  })

  it('classifies a dropped connection as no response and a slow one as a timeout', async () => {
    await withServer(
      (req, res) => {
        if (req.method === 'DELETE') req.socket.destroy()
        else setTimeout(() => res.end('late'), 1000)
      },
      async (url) => {
        await expect(fetchHttp({ method: 'DELETE', url, timeoutMs: 2000 })).rejects.toMatchObject({
          failure: 'no-response',
        })
        await expect(fetchHttp({ method: 'GET', url, timeoutMs: 100 })).rejects.toMatchObject({
          failure: 'timeout',
        })
      },
    )
  })
})

describe('send', () => {
  it('turns transport failures into CrmErrors: nothing sent is not ambiguous, a lost write is', async () => {
    const url = await closedPortUrl()
    const ctx = { crm: 'webhook' as const, label: 'Webhook test', secrets: [url] }
    const refused = await send(fetchHttp, { method: 'POST', url, timeoutMs: 500 }, ctx).catch(
      (caught: unknown) => caught,
    )
    expect(refused).toBeInstanceOf(CrmError)
    expect(refused).toMatchObject({ code: 'network', retryable: true, ambiguous: false })
    const lost = () => Promise.reject(new HttpTransportError('no-response', 'UND_ERR_SOCKET'))
    await expect(send(lost, { method: 'POST', url, timeoutMs: 500 }, ctx)).rejects.toMatchObject({
      ambiguous: true,
    })
    await expect(
      send(lost, { method: 'POST', url, timeoutMs: 500 }, { ...ctx, idempotent: true }),
    ).rejects.toMatchObject({
      ambiguous: false,
    })
    await expect(send(lost, { method: 'GET', url, timeoutMs: 500 }, ctx)).rejects.toMatchObject({
      ambiguous: false,
    })
  })
})

describe('pacedHttp', () => {
  it('spaces request starts by 1000/perSecond plus the margin', async () => {
    let clock = 0
    const starts: number[] = []
    const http = pacedHttp(
      async () => {
        starts.push(clock)
        return { status: 200, headers: new Headers(), body: '' }
      },
      {
        perSecond: 4,
        marginMs: 10,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms
        },
      },
    )
    for (let i = 0; i < 3; i++) await http({ method: 'GET', url: 'http://x', timeoutMs: 1 })
    clock += 1000
    await http({ method: 'GET', url: 'http://x', timeoutMs: 1 })
    expect(starts).toEqual([0, 260, 520, 1520])
  })
})
