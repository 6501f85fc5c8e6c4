/**
 * The delivery log API (issue 6, item 2): filtered by subject — one conversation's, callback's or
 * form submission's deliveries, as the console's conversation panel shows them — and by status,
 * admins only, within the workspace.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CreatedWorkspace } from '../../workspaces/index.ts'
import {
  createHarness,
  type Harness,
  json,
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

const list = async (query: string, who = admin) => {
  const res = await h.app.request(`/api/admin/crm/deliveries${query}`, { headers: { Cookie: who.cookie } })
  return { status: res.status, body: (await res.json()) as { deliveries: Array<Record<string, unknown>> } }
}

/** A chat whose visitor left an e-mail: a lead event, expanded to the workspace's connection. */
async function leadOf(text: string, connectionId: string): Promise<string> {
  const { visitorId, conversationId } = await seedConversation(h, a.widget.id, text)
  await h.store.updateVisitor(a.workspace.id, visitorId, {
    email: `${text}@example.com`,
    lastSeenAt: h.clock.now(),
  })
  for (const event of await h.store.listUnexpandedOutboxEvents(100))
    await h.store.expandOutboxEvent(event, [connectionId], h.clock.now())
  return conversationId
}

describe('GET /api/admin/crm/deliveries', () => {
  it('filters by subject (and status), names the connection, and keeps to the workspace', async () => {
    const connection = await h.store.createCrmConnection({
      workspaceId: a.workspace.id,
      name: 'Bitrix24',
      connection: { kind: 'bitrix24', webhookUrl: 'https://b24.example.com/rest/1/tok3nvalue/' },
      now: h.clock.now(),
    })
    const first = await leadOf('anna', connection.id)
    const second = await leadOf('boris', connection.id)

    const all = await list('')
    expect(all.body.deliveries.map((d) => d.subjectId).sort()).toEqual([first, second].sort())
    const one = await list(`?subjectId=${encodeURIComponent(first)}`)
    expect(one.status).toBe(200)
    expect(one.body.deliveries).toEqual([
      expect.objectContaining({
        subjectId: first,
        topic: 'lead.chat',
        status: 'pending',
        connectionId: connection.id,
        connectionName: 'Bitrix24',
      }),
    ])
    expect((await list(`?subjectId=${first}&status=dead`)).body.deliveries).toEqual([])
    expect((await list(`?subjectId=${first}&status=pending`)).body.deliveries).toHaveLength(1)
    expect((await list('?subjectId=nobody')).body.deliveries).toEqual([])
    expect((await list(`?subjectId=${'x'.repeat(101)}`)).status).toBe(400)

    await seedWorkspace(h, 'b')
    const other = await signIn(h, 'admin-b@example.test')
    expect((await list(`?subjectId=${first}`, other)).body.deliveries).toEqual([])
    await h.app.request(
      '/api/admin/operators',
      json({ email: 'op@example.test', name: 'Op', password: 'password123' }, admin.headers),
    )
    const operator = await signIn(h, 'op@example.test', 'password123')
    expect((await list(`?subjectId=${first}`, operator)).status).toBe(403)
  })
})
