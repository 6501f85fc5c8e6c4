import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from './app.ts'
import { createHarness, type Harness, json, type SignedIn, seedWorkspace, signIn } from './test-harness.ts'

let h: Harness
let admin: SignedIn

beforeAll(async () => {
  h = await createHarness()
  await seedWorkspace(h, 'a')
  admin = await signIn(h, 'admin-a@example.test')
})
afterAll(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

async function errorOf(res: Response) {
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
  return ((await res.json()) as { error: { code: string; message: string; issues?: unknown[] } }).error
}

describe('structured 4xx, never 500', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    for (const body of ['{"email":', 'not json', '']) {
      const res = await h.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      })
      expect(res.status).toBe(400)
      expect((await errorOf(res)).code).toBe('invalid_json')
    }
  })

  it('wrong types → 400 invalid_body with zod issues naming the field', async () => {
    const res = await h.app.request('/api/auth/login', json({ email: 42, password: ['x'] }))
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_body')
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['email'] }),
        expect.objectContaining({ path: ['password'] }),
      ]),
    )
    for (const body of [null, [], 'string', 7]) {
      const other = await h.app.request('/api/auth/login', json(body))
      expect(other.status).toBe(400)
    }
  })

  it('a body that is not JSON → 415', async () => {
    const res = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=a&password=b',
    })
    expect(res.status).toBe(415)
    expect((await errorOf(res)).code).toBe('unsupported_media_type')
  })

  it('an oversized body → 413', async () => {
    const res = await h.app.request(
      '/api/conversations/x/messages',
      json({ clientId: 'c1', body: 'x'.repeat(MAX_BODY_BYTES) }, admin.headers),
    )
    expect(res.status).toBe(413)
    expect((await errorOf(res)).code).toBe('payload_too_large')
  })

  it('a bad query → 400 invalid_query', async () => {
    const res = await h.app.request('/api/conversations?status=pending', {
      headers: { Cookie: admin.cookie },
    })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_query')
  })

  it('an unknown conversation → 404 not_found on read, reply and close', async () => {
    const get = await h.app.request('/api/conversations/nope', { headers: { Cookie: admin.cookie } })
    expect(get.status).toBe(404)
    expect((await errorOf(get)).code).toBe('not_found')
    const send = await h.app.request(
      '/api/conversations/nope/messages',
      json({ clientId: 'c', body: 'hi' }, admin.headers),
    )
    expect(send.status).toBe(404)
    const close = await h.app.request('/api/conversations/nope/close', json({}, admin.headers))
    expect(close.status).toBe(404)
  })

  it('a message body that is only whitespace or too long → 400', async () => {
    for (const body of ['   ', 'x'.repeat(4001)]) {
      const res = await h.app.request(
        '/api/conversations/nope/messages',
        json({ clientId: 'c', body }, admin.headers),
      )
      expect(res.status).toBe(400)
    }
  })

  it('an unknown route → JSON 404', async () => {
    const res = await h.app.request('/api/nothing-here')
    expect(res.status).toBe(404)
    expect(await errorOf(res)).toEqual({ code: 'not_found', message: 'No route for GET /api/nothing-here' })
  })

  it('an unexpected error → 500 with a generic message, logged once', async () => {
    const broken = await createHarness()
    try {
      broken.deps.store.findOperatorByEmail = () => Promise.reject(new Error('disk on fire'))
      const res = await broken.app.request('/api/auth/login', json({ email: 'a@b.c', password: 'x' }))
      expect(res.status).toBe(500)
      expect(await errorOf(res)).toEqual({ code: 'internal', message: 'Internal server error' })
      expect(broken.unexpected).toHaveLength(1)
    } finally {
      await broken.close()
    }
  })
})
