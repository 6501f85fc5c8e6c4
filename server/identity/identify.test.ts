/**
 * `Openline('identify', { id, userHash })` through the API (issue 6 item 1, issue 5 item 8): the
 * visitor PATCH stores the identified id, the widget identity secret makes it verified-only, and the
 * secret never comes back from the API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createHarness,
  type Harness,
  json,
  type SignedIn,
  seedWorkspace,
  signIn,
} from '../http/test-harness.ts'
import type { CreatedWorkspace } from '../workspaces/index.ts'
import { identifiedIdToStore, isValidUserHash, userHashOf } from './user-hash.ts'

const SECRET = 'identity-secret-0123456789abcdef-0123456789'

let h: Harness
let a: CreatedWorkspace
let admin: SignedIn

beforeEach(async () => {
  h = await createHarness()
  a = await seedWorkspace(h, 'a')
  admin = await signIn(h, 'admin-a@example.test')
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

async function newVisitor() {
  const res = await h.app.request('/api/visitors', json({ widgetId: a.widget.id }))
  return (await res.json()) as { visitorId: string; token: string }
}

function identify(token: string, body: unknown) {
  return h.app.request('/api/visitors/me', json(body, { Authorization: `Bearer ${token}` }, 'PATCH'))
}

const externalIdOf = async (visitorId: string) =>
  (await h.store.getVisitor(a.workspace.id, visitorId))?.externalId

function putSecret(secret: string | null, widgetId = a.widget.id) {
  return h.app.request(
    `/api/admin/widgets/${widgetId}/identity-secret`,
    json({ secret }, admin.headers, 'PUT'),
  )
}

describe('user hash (pure)', () => {
  it('is the hex HMAC-SHA256 of the id; only a matching one verifies', () => {
    expect(userHashOf('key', 'u-42')).toMatch(/^[0-9a-f]{64}$/)
    expect(isValidUserHash('key', 'u-42', userHashOf('key', 'u-42'))).toBe(true)
    expect(isValidUserHash('key', 'u-42', userHashOf('key', 'u-42').toUpperCase())).toBe(true)
    expect(isValidUserHash('key', 'u-43', userHashOf('key', 'u-42'))).toBe(false)
    expect(isValidUserHash('other', 'u-42', userHashOf('key', 'u-42'))).toBe(false)
    expect(isValidUserHash('key', 'u-42', 'zz')).toBe(false)
    expect(isValidUserHash('key', 'u-42', undefined)).toBe(false)
  })

  it('keeps, clears, takes or ignores the id', () => {
    expect(
      identifiedIdToStore({ id: undefined, userHash: undefined, secret: 'k' }).externalId,
    ).toBeUndefined()
    expect(identifiedIdToStore({ id: null, userHash: undefined, secret: 'k' }).externalId).toBeNull()
    expect(identifiedIdToStore({ id: 'u', userHash: undefined, secret: null })).toEqual({
      externalId: 'u',
      rejected: false,
    })
    expect(identifiedIdToStore({ id: 'u', userHash: 'bad', secret: 'k' })).toEqual({
      externalId: undefined,
      rejected: true,
    })
    expect(identifiedIdToStore({ id: 'u', userHash: userHashOf('k', 'u'), secret: 'k' }).externalId).toBe('u')
  })
})

describe('PATCH /api/visitors/me with an identified id', () => {
  it('stores the id (trimmed), keeps it when not sent, clears it with null', async () => {
    const v = await newVisitor()
    expect((await identify(v.token, { id: ' u-42 ', name: 'Ada' })).status).toBe(200)
    expect(await externalIdOf(v.visitorId)).toBe('u-42')
    expect((await identify(v.token, { email: 'ada@example.test' })).status).toBe(200)
    expect(await externalIdOf(v.visitorId)).toBe('u-42')
    expect((await identify(v.token, { id: null })).status).toBe(200)
    expect(await externalIdOf(v.visitorId)).toBeNull()
  })

  it.each([{ id: '' }, { id: 'x'.repeat(129) }, { id: 42 }, { id: 'u', userHash: 'x'.repeat(129) }])(
    'refuses %j with a shaped 400',
    async (body) => {
      const v = await newVisitor()
      const res = await identify(v.token, body)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_body' } })
    },
  )

  it('with an identity secret, stores only an id whose userHash matches', async () => {
    expect((await putSecret(SECRET)).status).toBe(200)
    const v = await newVisitor()
    expect((await identify(v.token, { id: 'u-42', name: 'Forger' })).status).toBe(200)
    expect(await externalIdOf(v.visitorId)).toBeNull()
    expect((await h.store.getVisitor(a.workspace.id, v.visitorId))?.name).toBe('Forger')
    await identify(v.token, { id: 'u-42', userHash: userHashOf('wrong-secret', 'u-42') })
    expect(await externalIdOf(v.visitorId)).toBeNull()
    await identify(v.token, { id: 'u-42', userHash: userHashOf(SECRET, 'u-42') })
    expect(await externalIdOf(v.visitorId)).toBe('u-42')
    // A later forged id does not replace the verified one.
    await identify(v.token, { id: 'u-1', userHash: userHashOf(SECRET, 'u-42') })
    expect(await externalIdOf(v.visitorId)).toBe('u-42')
  })
})

describe('the widget identity secret API', () => {
  it('shows the secret masked, never in the widget config or the widget API', async () => {
    const get = () =>
      h.app.request(`/api/admin/widgets/${a.widget.id}/identity-secret`, { headers: admin.headers })
    expect(await (await get()).json()).toEqual({ identitySecret: null })
    const put = await putSecret(SECRET)
    const shown = await put.text()
    expect(shown).not.toContain(SECRET)
    expect(JSON.parse(shown)).toEqual({ identitySecret: `••••${SECRET.slice(-4)}` })
    expect(await (await get()).text()).not.toContain(SECRET)
    const config = await h.app.request(`/api/widgets/${a.widget.id}/config`)
    expect(config.status).toBe(200)
    expect(await config.text()).not.toContain(SECRET)
    const widgets = await h.app.request('/api/admin/widgets', { headers: admin.headers })
    expect(await widgets.text()).not.toContain(SECRET)

    expect(await (await putSecret(null)).json()).toEqual({ identitySecret: null })
    expect(await h.store.getWidgetIdentitySecret(a.workspace.id, a.widget.id)).toBeNull()
  })

  it('refuses a short secret and an unknown widget', async () => {
    expect((await putSecret('short')).status).toBe(400)
    expect((await putSecret(SECRET, 'no-such-widget')).status).toBe(404)
  })
})
