import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isStateChanging, pathParams, routeTable } from './route-table.ts'
import {
  createHarness,
  type Harness,
  json,
  type SignedIn,
  seedConversation,
  seedWorkspace,
  signIn,
} from './test-harness.ts'

let h: Harness
let admin: SignedIn
let conversationId: string

beforeAll(async () => {
  h = await createHarness()
  const a = await seedWorkspace(h, 'a')
  admin = await signIn(h, 'admin-a@example.test')
  conversationId = (await seedConversation(h, a.widget.id, 'hello')).conversationId
})
afterAll(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

const guarded = routeTable.filter(
  (r) => (r.auth === 'session' || r.auth === 'admin') && isStateChanging(r.method),
)

describe('CSRF on cookie-authenticated state-changing routes', () => {
  it('covers at least the known routes', () => {
    expect(guarded.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'sendMessage',
        'closeConversation',
        'createLine',
        'createOperator',
        'createWidget',
      ]),
    )
  })

  for (const route of guarded) {
    const path = () =>
      pathParams(route.path).reduce((p, name) => p.replace(`:${name}`, conversationId), route.path)

    it(`${route.method.toUpperCase()} ${route.path} → 403 csrf without or with a wrong token`, async () => {
      for (const token of [undefined, 'wrong-token', '']) {
        const headers: Record<string, string> = { Cookie: admin.cookie }
        if (token !== undefined) headers['X-CSRF-Token'] = token
        const res = await h.app.request(path(), json({}, headers, route.method.toUpperCase()))
        expect(res.status).toBe(403)
        expect((await res.json()).error.code).toBe('csrf')
      }
    })

    it(`${route.method.toUpperCase()} ${route.path} → passes the CSRF check with the right token`, async () => {
      const res = await h.app.request(path(), json({}, admin.headers, route.method.toUpperCase()))
      expect(res.status).not.toBe(403)
    })
  }

  it('a token of another session does not work', async () => {
    const other = await signIn(h, 'admin-a@example.test')
    const res = await h.app.request(
      `/api/conversations/${conversationId}/close`,
      json({}, { Cookie: admin.cookie, 'X-CSRF-Token': other.csrfToken }),
    )
    expect(res.status).toBe(403)
  })

  it('reads need no token', async () => {
    const res = await h.app.request('/api/conversations', { headers: { Cookie: admin.cookie } })
    expect(res.status).toBe(200)
  })
})
