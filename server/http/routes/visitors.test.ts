import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyVisitorToken } from '../../auth/index.ts'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import { createHarness, fromIp, type Harness, json, seedWorkspace } from '../test-harness.ts'

let h: Harness
let a: CreatedWorkspace

beforeEach(async () => {
  h = await createHarness({ visitorLimit: 3 })
  a = await seedWorkspace(h, 'a')
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

async function restrictOrigins(origins: string[]) {
  return h.store.createWidget({
    workspaceId: a.workspace.id,
    lineId: a.line.id,
    name: 'Shop',
    publicSlug: `shop-${origins.length}`,
    allowedOrigins: origins,
    now: h.clock.now(),
  })
}

describe('POST /api/visitors', () => {
  it('issues a token for the widget workspace that PATCH /api/visitors/me accepts', async () => {
    const res = await h.app.request(
      '/api/visitors',
      json({
        widgetId: a.widget.id,
        context: { page: 'https://shop.example/p', device: 'phone', language: 'de' },
      }),
    )
    expect(res.status).toBe(201)
    const { visitorId, token } = await res.json()
    expect(verifyVisitorToken(h.deps.secret, token)).toMatchObject({
      workspaceId: a.workspace.id,
      visitorId,
      widgetId: a.widget.id,
    })

    const patched = await h.app.request(
      '/api/visitors/me',
      json(
        {
          name: 'Ada',
          email: 'ADA@example.test',
          phone: '+49 30 1234567',
          context: { page: 'https://shop.example/q' },
        },
        { Authorization: `Bearer ${token}` },
        'PATCH',
      ),
    )
    expect(patched.status).toBe(200)
    expect((await patched.json()).visitor).toEqual({
      id: visitorId,
      name: 'Ada',
      email: 'ada@example.test',
      phone: '+49 30 1234567',
      context: { page: 'https://shop.example/q', device: 'phone', language: 'de' },
    })
    const stored = await h.store.getVisitor(a.workspace.id, visitorId)
    expect(stored?.name).toBe('Ada')
  })

  it('404 for an unknown widget, 400 for a bad context', async () => {
    expect((await h.app.request('/api/visitors', json({ widgetId: 'nope' }))).status).toBe(404)
    const bad = await h.app.request(
      '/api/visitors',
      json({ widgetId: a.widget.id, context: { device: 'fridge' } }),
    )
    expect(bad.status).toBe(400)
  })

  it('enforces the widget origin allow-list when the browser sends an Origin', async () => {
    const widget = await restrictOrigins(['https://shop.example', 'https://*.shop.example'])
    let n = 0
    const from = (origin?: string) =>
      h.app.request(
        '/api/visitors',
        json({ widgetId: widget.id }, origin ? { Origin: origin } : {}),
        fromIp(`10.9.0.${n++}`),
      )
    expect((await from('https://shop.example')).status).toBe(201)
    expect((await from('https://de.shop.example')).status).toBe(201)
    expect((await from()).status).toBe(201)
    const denied = await from('https://shop.example.evil.test')
    expect(denied.status).toBe(403)
    expect((await denied.json()).error.code).toBe('origin_not_allowed')
    // The error carries CORS headers too, so the widget can read why it was refused.
    expect(denied.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example.evil.test')
    // An empty allow-list admits any site.
    expect(
      (await h.app.request('/api/visitors', json({ widgetId: a.widget.id }, { Origin: 'https://any.test' })))
        .status,
    ).toBe(201)
  })

  it('rate limits per client IP with 429 and Retry-After', async () => {
    const create = (ip: string) => h.app.request('/api/visitors', json({ widgetId: a.widget.id }), fromIp(ip))
    for (let i = 0; i < 3; i++) expect((await create('10.1.1.1')).status).toBe(201)
    const limited = await create('10.1.1.1')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('60')
    expect((await create('10.1.1.2')).status).toBe(201)
  })

  it('answers CORS: preflight and reflected origin without credentials', async () => {
    const pre = await h.app.request('/api/visitors', {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example')
    expect(pre.headers.get('Access-Control-Allow-Methods')).toContain('POST')
    expect(pre.headers.get('Access-Control-Allow-Headers')).toContain('Authorization')
    expect(pre.headers.get('Access-Control-Allow-Credentials')).toBeNull()
    expect(pre.headers.get('Vary')).toContain('Origin')

    const res = await h.app.request(
      '/api/visitors',
      json({ widgetId: a.widget.id }, { Origin: 'https://shop.example' }),
    )
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example')
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull()

    const mePre = await h.app.request('/api/visitors/me', {
      method: 'OPTIONS',
      headers: { Origin: 'https://x.test' },
    })
    expect(mePre.status).toBe(204)
    expect(mePre.headers.get('Access-Control-Allow-Methods')).toContain('PATCH')
  })
})

describe('PATCH /api/visitors/me', () => {
  it('401 without, with a garbage or with a foreign-secret token', async () => {
    const tries = [undefined, 'Bearer garbage', 'Bearer v1.e30.AAAA', 'Basic abc']
    for (const authorization of tries) {
      const headers: Record<string, string> = authorization ? { Authorization: authorization } : {}
      const res = await h.app.request('/api/visitors/me', json({ name: 'Eve' }, headers, 'PATCH'))
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('unauthenticated')
    }
  })

  it('400 for an invalid email', async () => {
    const { token } = await (await h.app.request('/api/visitors', json({ widgetId: a.widget.id }))).json()
    const res = await h.app.request(
      '/api/visitors/me',
      json({ email: 'not-an-email' }, { Authorization: `Bearer ${token}` }, 'PATCH'),
    )
    expect(res.status).toBe(400)
  })
})
