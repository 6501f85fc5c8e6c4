import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channels } from '../../bus/index.ts'
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

beforeEach(async () => {
  h = await createHarness()
  a = await seedWorkspace(h, 'a')
  admin = await signIn(h, 'admin-a@example.test')
})
afterEach(async () => {
  expect(h.unexpected).toEqual([])
  await h.close()
})

describe('operator conversations', () => {
  it('lists the inbox, filters by status and by "mine"', async () => {
    const first = await seedConversation(h, a.widget.id, 'first question')
    h.clock.advance(1000)
    const second = await seedConversation(h, a.widget.id, 'second question')

    const list = async (query: string) => {
      const res = await h.app.request(`/api/conversations${query}`, { headers: { Cookie: admin.cookie } })
      expect(res.status).toBe(200)
      return ((await res.json()).conversations as { id: string }[]).map((c) => c.id)
    }
    expect(await list('')).toEqual([second.conversationId, first.conversationId])
    expect(await list('?mine=true')).toEqual([])

    await h.app.request(
      `/api/conversations/${first.conversationId}/messages`,
      json({ clientId: 'r1', body: 'hi' }, admin.headers),
    )
    await h.app.request(`/api/conversations/${second.conversationId}/close`, json({}, admin.headers))
    expect(await list('?mine=true')).toEqual([first.conversationId])
    expect(await list('?status=closed')).toEqual([second.conversationId])
    expect(await list('?status=open&mine=false')).toEqual([first.conversationId])
  })

  it('shows one conversation with its messages and visitor', async () => {
    const seeded = await seedConversation(h, a.widget.id, 'where is my order?')
    await h.store.updateVisitor(a.workspace.id, seeded.visitorId, { name: 'Ada', email: 'ada@example.test' })
    const res = await h.app.request(`/api/conversations/${seeded.conversationId}`, {
      headers: { Cookie: admin.cookie },
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.conversation).toMatchObject({ id: seeded.conversationId, status: 'open', lastSeq: 1 })
    expect(body.messages).toEqual([
      expect.objectContaining({ seq: 1, body: 'where is my order?', authorKind: 'visitor' }),
    ])
    expect(body.visitor).toEqual({
      id: seeded.visitorId,
      name: 'Ada',
      email: 'ada@example.test',
      phone: null,
      context: {},
    })
  })

  it('replies: 201 first, 200 with duplicate on a resend; published on the bus', async () => {
    const { conversationId } = await seedConversation(h, a.widget.id, 'hello')
    const frames: unknown[] = []
    await h.deps.bus.subscribe(channels.operators(a.workspace.id), (payload) => frames.push(payload))
    const send = () =>
      h.app.request(
        `/api/conversations/${conversationId}/messages`,
        json({ clientId: 'reply-1', body: ' Hi! ' }, admin.headers),
      )

    const first = await send()
    expect(first.status).toBe(201)
    const created = await first.json()
    expect(created).toMatchObject({
      duplicate: false,
      message: { seq: 2, body: 'Hi!', authorKind: 'operator', authorId: a.operator.id },
    })
    const again = await send()
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ ...created, duplicate: true })
    expect(frames).toContainEqual({ type: 'message.created', message: created.message })
  })

  it('closes a conversation; replying afterwards is a 409', async () => {
    const { conversationId } = await seedConversation(h, a.widget.id, 'bye')
    const res = await h.app.request(`/api/conversations/${conversationId}/close`, json({}, admin.headers))
    expect(res.status).toBe(200)
    expect((await res.json()).conversation).toMatchObject({ id: conversationId, status: 'closed' })
    const reply = await h.app.request(
      `/api/conversations/${conversationId}/messages`,
      json({ clientId: 'late', body: 'still there?' }, admin.headers),
    )
    expect(reply.status).toBe(409)
    expect((await reply.json()).error.code).toBe('conversation_closed')
  })

  it('a plain operator may use the inbox but not the admin routes', async () => {
    await h.store.createOperator({
      workspaceId: a.workspace.id,
      email: 'agent@example.test',
      name: 'Agent',
      passwordHash: a.operator.passwordHash,
      role: 'operator',
      now: h.clock.now(),
    })
    const agent = await signIn(h, 'agent@example.test', PASSWORD)
    expect((await h.app.request('/api/conversations', { headers: { Cookie: agent.cookie } })).status).toBe(
      200,
    )
    const lines = await h.app.request('/api/admin/lines', { headers: { Cookie: agent.cookie } })
    expect(lines.status).toBe(403)
    expect((await lines.json()).error.code).toBe('forbidden')
  })

  it('401 without a session', async () => {
    expect((await h.app.request('/api/conversations')).status).toBe(401)
  })
})
