import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import {
  createHarness,
  type Harness,
  json,
  PASSWORD,
  type SignedIn,
  seedConversation,
  seedWorkspace,
  signIn,
} from '../test-harness.ts'

let h: Harness
let a: CreatedWorkspace
let admin: SignedIn
let agent: SignedIn

beforeEach(async () => {
  h = await createHarness()
  a = await seedWorkspace(h, 'a')
  admin = await signIn(h, 'admin-a@example.test')
  const res = await h.app.request(
    '/api/admin/operators',
    json(
      { email: 'agent-a@example.test', name: 'Agent', password: PASSWORD, role: 'operator' },
      admin.headers,
    ),
  )
  expect(res.status).toBe(201)
  agent = await signIn(h, 'agent-a@example.test')
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

const list = async (who: SignedIn) => {
  const res = await h.app.request('/api/quick-answers', { headers: { Cookie: who.cookie } })
  expect(res.status).toBe(200)
  return ((await res.json()).quickAnswers as { shortcut: string }[]).map((q) => q.shortcut)
}

describe('quick answers (issue "Open lines", item 4)', () => {
  it('workspace answers are for everyone but made by admins; personal ones only their owner sees', async () => {
    const hello = { scope: 'workspace', shortcut: '/hello', title: 'Hello', text: 'Hello! How can I help?' }
    expect((await h.app.request('/api/quick-answers', json(hello, agent.headers))).status).toBe(403)
    const created = await h.app.request('/api/quick-answers', json(hello, admin.headers))
    expect(created.status).toBe(201)
    const shared = (await created.json()).quickAnswer
    expect(shared).toMatchObject({ scope: 'workspace', ownerId: null, shortcut: '/hello' })

    const mine = await h.app.request(
      '/api/quick-answers',
      json({ scope: 'personal', shortcut: '/bye', title: 'Bye', text: 'Bye!' }, agent.headers),
    )
    expect(mine.status).toBe(201)
    const personal = (await mine.json()).quickAnswer
    expect(await list(agent)).toEqual(['/bye', '/hello'])
    expect(await list(admin)).toEqual(['/hello'])

    // The admin cannot touch the agent's personal answer (it does not exist for them)…
    const patch = (id: string, who: SignedIn, body: unknown) =>
      h.app.request(`/api/quick-answers/${id}`, json(body, who.headers, 'PATCH'))
    expect((await patch(personal.id, admin, { text: 'x' })).status).toBe(404)
    // …and the agent cannot edit a workspace answer.
    expect((await patch(shared.id, agent, { text: 'x' })).status).toBe(403)
    const edited = await patch(personal.id, agent, { text: 'See you!' })
    expect(edited.status).toBe(200)
    expect((await edited.json()).quickAnswer).toMatchObject({ text: 'See you!', title: 'Bye' })
    expect((await patch(personal.id, agent, {})).status).toBe(400)

    const del = (id: string, who: SignedIn) =>
      h.app.request(`/api/quick-answers/${id}`, json({}, who.headers, 'DELETE'))
    expect((await del(shared.id, agent)).status).toBe(403)
    expect((await del(personal.id, agent)).status).toBe(204)
    expect(await list(agent)).toEqual(['/hello'])
  })

  it('validates the shortcut and demands the CSRF token', async () => {
    const bad = await h.app.request(
      '/api/quick-answers',
      json({ shortcut: 'no slash', title: 't', text: 'x' }, admin.headers),
    )
    expect(bad.status).toBe(400)
    const noCsrf = await h.app.request(
      '/api/quick-answers',
      json({ shortcut: '/x', title: 't', text: 'x' }, { Cookie: admin.cookie }),
    )
    expect(noCsrf.status).toBe(403)
  })
})

describe('conversation detail: notes and KPIs (issue "Open lines", items 4 and 7)', () => {
  it('includes the notes and the recorded KPIs', async () => {
    const seeded = await seedConversation(h, a.widget.id, 'where is my order?')
    const operator = (await h.store.listOperators(a.workspace.id))[0]!
    const actor = { kind: 'operator' as const, workspaceId: a.workspace.id, operator }
    h.clock.advance(3000)
    await h.deps.chat.addNote(actor, { clientId: 'n1', conversationId: seeded.conversationId, body: 'VIP' })
    await h.app.request(
      `/api/conversations/${seeded.conversationId}/messages`,
      json({ clientId: 'r1', body: 'On its way' }, admin.headers),
    )
    await h.app.request(`/api/conversations/${seeded.conversationId}/close`, json({}, admin.headers))
    const res = await h.app.request(`/api/conversations/${seeded.conversationId}`, {
      headers: { Cookie: admin.cookie },
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.notes).toEqual([expect.objectContaining({ body: 'VIP', seq: 1 })])
    expect(body.messages.map((m: { body: string }) => m.body)).toEqual(['where is my order?', 'On its way'])
    expect(body.kpis).toEqual({
      waitMs: 3000,
      firstAnswerMs: 3000,
      transfers: 0,
      closeReason: 'operator',
      rating: null,
      startedInsideWorkingHours: expect.any(Boolean),
    })
  })
})
