import { expect, it } from 'vitest'
import {
  expectStoreError,
  type GetStore,
  openConversation,
  seedTenant,
  T0,
  uniqueName,
  visitorMessage,
} from './fixtures.ts'

export function conversationsContract(getStore: GetStore): void {
  it('creates open conversations and reads them only within their workspace', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const conversation = await openConversation(store, a, T0 + 7)
    expect(conversation).toEqual({
      id: expect.any(String),
      workspaceId: a.workspace.id,
      lineId: a.line.id,
      widgetId: a.widget.id,
      visitorId: a.visitor.id,
      status: 'open',
      assigneeId: null,
      lastSeq: 0,
      visitorReadSeq: 0,
      operatorReadSeq: 0,
      createdAt: T0 + 7,
      updatedAt: T0 + 7,
      closedAt: null,
    })
    expect(await store.getConversation(a.workspace.id, conversation.id)).toEqual(conversation)
    expect(await store.getConversation(b.workspace.id, conversation.id)).toBeUndefined()
    expect(await store.listConversations(b.workspace.id)).toEqual([])
  })

  it("refuses a conversation for another workspace's visitor or line with not_found", async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    await expectStoreError(openConversation(store, { ...b, visitor: a.visitor }), 'not_found')
    await expectStoreError(openConversation(store, { ...b, line: a.line }), 'not_found')
    expect(await store.listConversations(b.workspace.id)).toEqual([])
  })

  it("finds the visitor's newest open conversation", async () => {
    const store = getStore()
    const t = await seedTenant(store)
    expect(await store.findOpenConversation(t.workspace.id, t.visitor.id)).toBeUndefined()
    await openConversation(store, t, T0)
    const newest = await openConversation(store, t, T0 + 10)
    expect(await store.findOpenConversation(t.workspace.id, t.visitor.id)).toEqual(newest)
    const other = await seedTenant(store)
    expect(await store.findOpenConversation(other.workspace.id, t.visitor.id)).toBeUndefined()
  })

  it('updates status, assignee and closedAt, bumping updatedAt', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const conversation = await openConversation(store, t)
    const assigned = await store.updateConversation(t.workspace.id, conversation.id, {
      assigneeId: t.operator.id,
      now: T0 + 1,
    })
    expect(assigned).toEqual({ ...conversation, assigneeId: t.operator.id, updatedAt: T0 + 1 })
    const closed = await store.updateConversation(t.workspace.id, conversation.id, {
      status: 'closed',
      closedAt: T0 + 2,
      now: T0 + 2,
    })
    expect(closed).toEqual({ ...assigned, status: 'closed', closedAt: T0 + 2, updatedAt: T0 + 2 })
    expect(await store.findOpenConversation(t.workspace.id, t.visitor.id)).toBeUndefined()
    const reopened = await store.updateConversation(t.workspace.id, conversation.id, {
      status: 'open',
      closedAt: null,
      assigneeId: null,
      now: T0 + 3,
    })
    expect(reopened).toEqual({ ...conversation, updatedAt: T0 + 3 })
  })

  it('refuses updates across workspaces and assignees from another workspace', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const conversation = await openConversation(store, a)
    await expectStoreError(
      store.updateConversation(b.workspace.id, conversation.id, { status: 'closed', now: T0 + 1 }),
      'not_found',
    )
    await expectStoreError(
      store.updateConversation(a.workspace.id, conversation.id, { assigneeId: b.operator.id, now: T0 + 1 }),
      'not_found',
    )
    expect(await store.getConversation(a.workspace.id, conversation.id)).toEqual(conversation)
  })

  it('lists newest first by updatedAt with status, assignee and visitor filters', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const otherVisitor = await store.createVisitor({ workspaceId: t.workspace.id, widgetId: null, now: T0 })
    const first = await openConversation(store, t, T0 + 1)
    const second = await openConversation(store, { ...t, visitor: otherVisitor }, T0 + 2)
    const third = await openConversation(store, t, T0 + 3)
    const assigned = await store.updateConversation(t.workspace.id, first.id, {
      assigneeId: t.operator.id,
      now: T0 + 4,
    })
    const closed = await store.updateConversation(t.workspace.id, second.id, {
      status: 'closed',
      now: T0 + 5,
    })
    const ids = (list: { id: string }[]) => list.map((c) => c.id)

    expect(await store.listConversations(t.workspace.id)).toEqual([closed, assigned, third])
    expect(ids(await store.listConversations(t.workspace.id, { status: 'open' }))).toEqual([
      first.id,
      third.id,
    ])
    expect(ids(await store.listConversations(t.workspace.id, { status: 'closed' }))).toEqual([second.id])
    expect(ids(await store.listConversations(t.workspace.id, { assigneeId: null }))).toEqual([
      second.id,
      third.id,
    ])
    expect(ids(await store.listConversations(t.workspace.id, { assigneeId: t.operator.id }))).toEqual([
      first.id,
    ])
    expect(ids(await store.listConversations(t.workspace.id, { visitorId: otherVisitor.id }))).toEqual([
      second.id,
    ])
    expect(ids(await store.listConversations(t.workspace.id, { status: 'open', assigneeId: null }))).toEqual([
      third.id,
    ])
    expect(ids(await store.listConversations(t.workspace.id, { limit: 2 }))).toEqual([second.id, first.id])
  })

  it('lists recent open conversations of every workspace, newest first, within the limit', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    // Far from every other test's times: the query is unscoped and the store is shared.
    const base = T0 + 500_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000
    const old = await openConversation(store, a, base - 1)
    const inA = await openConversation(store, a, base + 1)
    const inB = await openConversation(store, b, base + 2)
    const closed = await openConversation(store, b, base + 3)
    await store.updateConversation(b.workspace.id, closed.id, { status: 'closed', now: base + 4 })
    const ids = (list: { id: string }[]) => list.map((c) => c.id)

    const recent = await store.listRecentOpenConversations({ updatedSince: base, limit: 100 })
    expect(ids(recent).filter((id) => [old.id, inA.id, inB.id, closed.id].includes(id))).toEqual([
      inB.id,
      inA.id,
    ])
    expect(recent.find((c) => c.id === inA.id)).toEqual(inA)
    expect(await store.listRecentOpenConversations({ updatedSince: base, limit: 1 })).toHaveLength(1)
  })

  it('limits lists to 50 by default and 200 at most', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    for (let i = 0; i < 201; i++) await openConversation(store, t, T0 + i)
    const byDefault = await store.listConversations(t.workspace.id)
    expect(byDefault).toHaveLength(50)
    expect(byDefault[0]?.updatedAt).toBe(T0 + 200)
    expect(await store.listConversations(t.workspace.id, { limit: 1000 })).toHaveLength(200)
  })

  it('raises read marks monotonically, never past lastSeq, per reader', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const conversation = await openConversation(store, t)
    for (let i = 1; i <= 3; i++) await store.appendMessage(visitorMessage(t, conversation, `m${i}`, T0 + i))
    const read = (reader: 'visitor' | 'operator', seq: number) =>
      store.markRead(t.workspace.id, conversation.id, reader, seq)

    expect((await read('operator', 2)).operatorReadSeq).toBe(2)
    const lowered = await read('operator', 1)
    expect(lowered.operatorReadSeq).toBe(2)
    expect(lowered.visitorReadSeq).toBe(0)
    expect((await read('operator', 99)).operatorReadSeq).toBe(3)
    const visitorRead = await read('visitor', 3)
    expect(visitorRead).toMatchObject({
      visitorReadSeq: 3,
      operatorReadSeq: 3,
      lastSeq: 3,
      updatedAt: T0 + 3,
    })
    expect((await read('visitor', -5)).visitorReadSeq).toBe(3)
  })

  it('refuses markRead on a missing or foreign conversation with not_found', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const conversation = await openConversation(store, a)
    await store.appendMessage(visitorMessage(a, conversation, uniqueName('c')))
    await expectStoreError(store.markRead(b.workspace.id, conversation.id, 'operator', 1), 'not_found')
    await expectStoreError(store.markRead(a.workspace.id, crypto.randomUUID(), 'operator', 1), 'not_found')
    expect((await store.getConversation(a.workspace.id, conversation.id))?.operatorReadSeq).toBe(0)
  })

  it('records conversation events in time order, scoped by workspace', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const conversation = await openConversation(store, a)
    const base = { workspaceId: a.workspace.id, conversationId: conversation.id }
    const assigned = await store.addEvent({
      ...base,
      type: 'conversation.assigned',
      actorKind: 'operator',
      actorId: a.operator.id,
      data: { assigneeId: a.operator.id, nested: { list: [1, 2] } },
      now: T0 + 2,
    })
    const opened = await store.addEvent({
      ...base,
      type: 'conversation.opened',
      actorKind: 'system',
      actorId: null,
      now: T0 + 1,
    })
    expect(opened).toEqual({
      id: expect.any(String),
      ...base,
      type: 'conversation.opened',
      actorKind: 'system',
      actorId: null,
      data: {},
      createdAt: T0 + 1,
    })
    expect(await store.listEvents(a.workspace.id, conversation.id)).toEqual([opened, assigned])
    expect(await store.listEvents(b.workspace.id, conversation.id)).toEqual([])
    await expectStoreError(
      store.addEvent({
        ...base,
        workspaceId: b.workspace.id,
        type: 'x',
        actorKind: 'system',
        actorId: null,
        now: T0,
      }),
      'not_found',
    )
  })
}
