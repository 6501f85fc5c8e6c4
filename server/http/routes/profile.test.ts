/**
 * PATCH /api/me (issue 3 audit): an operator sets their own display name and avatar — validated,
 * CSRF-protected like every state-changing route, their own record only — and sockets already open
 * hear of it over the bus.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OPERATOR_PROFILE_CHANNEL } from '../../gateway/operator-profile.ts'
import { createHarness, type Harness, json, type SignedIn, seedWorkspace, signIn } from '../test-harness.ts'

describe('PATCH /api/me', () => {
  let h: Harness
  let me: SignedIn
  let a: Awaited<ReturnType<typeof seedWorkspace>>
  let b: Awaited<ReturnType<typeof seedWorkspace>>
  const notices: Record<string, unknown>[] = []

  beforeEach(async () => {
    h = await createHarness()
    a = await seedWorkspace(h, 'a')
    b = await seedWorkspace(h, 'b')
    me = await signIn(h, 'admin-a@example.test')
    notices.length = 0
    await h.deps.bus.subscribe(OPERATOR_PROFILE_CHANNEL, (payload) => {
      notices.push(payload)
    })
  })
  afterEach(async () => {
    expect(h.unexpected).toEqual([])
    await h.close()
  })

  const patchMe = (body: unknown, headers: Record<string, string> = me.headers) =>
    h.app.request('/api/me', json(body, headers, 'PATCH'))

  it("changes the operator's own name and avatar; /api/auth/me and the team list show them", async () => {
    const avatarUrl = 'https://cdn.example/anna.png'
    const res = await patchMe({ name: '  Anna K. ', avatarUrl })
    expect(res.status).toBe(200)
    const { operator } = await res.json()
    expect(operator).toMatchObject({
      id: a.operator.id,
      name: 'Anna K.',
      avatarUrl,
      email: 'admin-a@example.test',
    })
    expect(operator).not.toHaveProperty('passwordHash')
    const session = await (await h.app.request('/api/auth/me', { headers: { Cookie: me.cookie } })).json()
    expect(session.operator).toMatchObject({ name: 'Anna K.', avatarUrl })
    const team = await (await h.app.request('/api/team', { headers: { Cookie: me.cookie } })).json()
    expect(team.operators).toContainEqual({ id: a.operator.id, name: 'Anna K.', avatarUrl })
    expect(notices).toEqual([{ operatorId: a.operator.id, name: 'Anna K.', avatarUrl }])

    // Fields left out stay; null removes the avatar; plain http (an intranet) is accepted.
    expect((await (await patchMe({ avatarUrl: null })).json()).operator).toMatchObject({
      name: 'Anna K.',
      avatarUrl: null,
    })
    expect((await patchMe({ avatarUrl: 'http://intranet.local:8080/a.png' })).status).toBe(200)
    // B's operator is untouched.
    expect(await h.store.getOperator(b.workspace.id, b.operator.id)).toEqual(b.operator)
  })

  it('refuses bad names and avatar addresses with 400 naming the field, and changes nothing', async () => {
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
      [{ avatarUrl: 'data:image/png;base64,AAAA' }, 'avatarUrl'],
      [{ avatarUrl: 'ftp://files.example/a.png' }, 'avatarUrl'],
      [{ avatarUrl: 'cdn.example/a.png' }, 'avatarUrl'],
      [{ avatarUrl: `https://cdn.example/${'a'.repeat(2048)}` }, 'avatarUrl'],
    ] as const) {
      const res = await patchMe(body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect((await res.json()).error).toMatchObject({ code: 'invalid_body', issues: [{ path: [field] }] })
    }
    expect(await h.store.getOperator(a.workspace.id, a.operator.id)).toEqual(a.operator)
    expect(notices).toEqual([])
  })

  it('needs a session and its CSRF token', async () => {
    expect((await patchMe({ name: 'X' }, {})).status).toBe(401)
    const noToken = await patchMe({ name: 'X' }, { Cookie: me.cookie })
    expect(noToken.status).toBe(403)
    expect((await noToken.json()).error.code).toBe('csrf')
    const wrong = await patchMe({ name: 'X' }, { Cookie: me.cookie, 'X-CSRF-Token': 'wrong' })
    expect(wrong.status).toBe(403)
    expect(await h.store.getOperator(a.workspace.id, a.operator.id)).toEqual(a.operator)
  })
})
