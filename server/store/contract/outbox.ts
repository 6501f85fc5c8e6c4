import { expect, it } from 'vitest'
import type { OutboxEvent } from '../outbox-types.ts'
import type { Store } from '../types.ts'
import { type GetStore, openConversation, seedTenant, T0, type Tenant } from './fixtures.ts'

/** The CRM outbox (issue 6, items 1–3): events written with their cause, deliveries, claims, links. */
export function outboxContract(getStore: GetStore): void {
  const eventsOf = async (store: Store, workspaceId: string): Promise<OutboxEvent[]> =>
    (await store.listUnexpandedOutboxEvents(100_000)).filter((e) => e.workspaceId === workspaceId)

  async function withEmail(store: Store, t: Tenant, now = T0) {
    return store.updateVisitor(t.workspace.id, t.visitor.id, { email: 'anna@example.com', lastSeenAt: now })
  }

  it('makes a chat a lead once contact data is known, once per conversation', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const c = await openConversation(store, t)
    expect(await eventsOf(store, t.workspace.id)).toEqual([])
    await store.updateVisitor(t.workspace.id, t.visitor.id, { name: 'Anna' })
    expect(await eventsOf(store, t.workspace.id)).toEqual([])
    await withEmail(store, t, T0 + 1)
    await store.updateVisitor(t.workspace.id, t.visitor.id, { phone: '+79991234567', lastSeenAt: T0 + 2 })
    expect(await eventsOf(store, t.workspace.id)).toEqual([
      {
        id: expect.any(String),
        workspaceId: t.workspace.id,
        topic: 'lead.chat',
        subjectId: c.id,
        createdAt: T0 + 1,
      },
    ])
  })

  it('signals this process whenever an outbox event is written, inside a transaction or not', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    await openConversation(store, t)
    let off = () => {}
    const signalled = new Promise<void>((resolve) => {
      off = store.onOutboxEvent(resolve)
    })
    try {
      await withEmail(store, t)
      await signalled
    } finally {
      off()
    }
  })

  it('a conversation of a visitor whose contact is known is a lead from the start', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    await withEmail(store, t)
    const c = await openConversation(store, t, T0 + 5)
    expect((await eventsOf(store, t.workspace.id)).map((e) => [e.topic, e.subjectId])).toEqual([
      ['lead.chat', c.id],
    ])
  })

  it('writes close and transfer events only for chats that became leads', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const silent = await openConversation(store, t)
    await store.updateConversation(t.workspace.id, silent.id, {
      status: 'closed',
      closedAt: T0 + 1,
      now: T0 + 1,
    })
    expect(await eventsOf(store, t.workspace.id)).toEqual([])

    const c = await openConversation(store, t, T0 + 2)
    await withEmail(store, t, T0 + 3)
    await store.transferConversation({
      workspaceId: t.workspace.id,
      conversationId: c.id,
      fromAssigneeId: null,
      to: { operatorId: t.operator.id },
      now: T0 + 4,
    })
    await store.updateConversation(t.workspace.id, c.id, { status: 'closed', closedAt: T0 + 5, now: T0 + 5 })
    expect((await eventsOf(store, t.workspace.id)).map((e) => e.topic)).toEqual([
      'lead.chat',
      'conversation.transferred',
      'conversation.closed',
    ])
  })

  it('writes an assignment event with the first assignment of a chat that is a lead, and only then', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const silent = await openConversation(store, t)
    expect(await store.assignIfUnassigned(t.workspace.id, silent.id, t.operator.id, T0 + 1)).toBeDefined()
    expect(await eventsOf(store, t.workspace.id)).toEqual([])

    await withEmail(store, t, T0 + 2)
    const lead = await openConversation(store, t, T0 + 3)
    await store.assignIfUnassigned(t.workspace.id, lead.id, t.operator.id, T0 + 4)
    // lost race: the conversation is already assigned, nothing is written
    expect(await store.assignIfUnassigned(t.workspace.id, lead.id, t.operator.id, T0 + 5)).toBeUndefined()
    expect((await eventsOf(store, t.workspace.id)).map((e) => [e.topic, e.subjectId])).toEqual([
      ['lead.chat', silent.id],
      ['lead.chat', lead.id],
      ['conversation.assigned', lead.id],
    ])
  })

  it('expands an event into one delivery per connection, idempotently', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const c = await openConversation(store, t)
    await withEmail(store, t, T0 + 1)
    const [event] = await eventsOf(store, t.workspace.id)
    await store.expandOutboxEvent(event!, ['conn-a', 'conn-b'], T0 + 10)
    await store.expandOutboxEvent(event!, ['conn-a', 'conn-b'], T0 + 11)
    expect(await eventsOf(store, t.workspace.id)).toEqual([])
    const deliveries = await store.listCrmDeliveries(t.workspace.id)
    expect(deliveries.map((d) => d.connectionId).sort()).toEqual(['conn-a', 'conn-b'])
    expect(deliveries[0]).toMatchObject({
      topic: 'lead.chat',
      subjectId: c.id,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: T0 + 10,
      retryFrom: T0 + 10,
      ambiguous: false,
      crmId: null,
    })
    expect(await store.findDelivery('conn-a', 'lead.chat', c.id)).toMatchObject({ connectionId: 'conn-a' })
    const other = await seedTenant(store)
    expect(await store.listCrmDeliveries(other.workspace.id)).toEqual([])
    expect(await store.getCrmDelivery(other.workspace.id, deliveries[0]!.id)).toBeUndefined()
  })

  it('lists the deliveries of one subject, with a status too (issue 6, item 2)', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    await withEmail(store, t, T0)
    const first = await openConversation(store, t, T0 + 1)
    const second = await openConversation(store, t, T0 + 2)
    for (const event of await eventsOf(store, t.workspace.id))
      await store.expandOutboxEvent(event, ['conn-a', 'conn-b'], T0 + 3)
    const ofFirst = await store.listCrmDeliveries(t.workspace.id, { subjectId: first.id })
    expect(ofFirst.map((d) => [d.subjectId, d.connectionId]).sort()).toEqual([
      [first.id, 'conn-a'],
      [first.id, 'conn-b'],
    ])
    expect(await store.listCrmDeliveries(t.workspace.id, { subjectId: second.id })).toHaveLength(2)
    expect(await store.listCrmDeliveries(t.workspace.id, { subjectId: first.id, status: 'dead' })).toEqual([])
    expect(
      await store.listCrmDeliveries(t.workspace.id, { subjectId: first.id, status: 'pending', limit: 1 }),
    ).toHaveLength(1)
    const other = await seedTenant(store)
    expect(await store.listCrmDeliveries(other.workspace.id, { subjectId: first.id })).toEqual([])
  })

  async function seedDelivery(store: Store, now: number) {
    const t = await seedTenant(store)
    await openConversation(store, t)
    await withEmail(store, t, now)
    const [event] = await eventsOf(store, t.workspace.id)
    await store.expandOutboxEvent(event!, [`conn-${crypto.randomUUID()}`], now)
    const [delivery] = await store.listCrmDeliveries(t.workspace.id)
    return { t, delivery: delivery! }
  }

  it('claims a due delivery for one owner until its lease runs out; then it comes back ambiguous', async () => {
    const store = getStore()
    const now = T0 + 1_000_000
    const { delivery } = await seedDelivery(store, now)
    const mine = (rows: { id: string }[]) => rows.filter((r) => r.id === delivery.id)
    expect(
      mine(await store.claimDueDeliveries({ owner: 'a', now: now - 1, leaseMs: 1000, limit: 500 })),
    ).toEqual([])
    const first = mine(await store.claimDueDeliveries({ owner: 'a', now, leaseMs: 1000, limit: 500 }))
    expect(first).toMatchObject([{ leaseOwner: 'a', leaseUntil: now + 1000, ambiguous: false }])
    expect(
      mine(await store.claimDueDeliveries({ owner: 'b', now: now + 999, leaseMs: 1000, limit: 500 })),
    ).toEqual([])
    expect(await store.nextOutboxWakeAt(now)).not.toBeNull()
    // node a died holding it
    const second = mine(
      await store.claimDueDeliveries({ owner: 'b', now: now + 1000, leaseMs: 1000, limit: 500 }),
    )
    expect(second).toMatchObject([{ leaseOwner: 'b', ambiguous: true }])
    expect(
      await store.updateClaimedDelivery(delivery.id, 'a', { status: 'delivered', now: now + 1001 }),
    ).toBe(false)
    expect(await store.renewDeliveryLease(delivery.id, 'a', now + 5000)).toBe(false)
    expect(await store.renewDeliveryLease(delivery.id, 'b', now + 5000)).toBe(true)
    expect(
      await store.updateClaimedDelivery(delivery.id, 'b', {
        crmId: '17',
        ambiguous: false,
        keepLease: true,
        now: now + 1002,
      }),
    ).toBe(true)
    expect(
      await store.updateClaimedDelivery(delivery.id, 'b', {
        status: 'delivered',
        deliveredAt: now + 1003,
        nextAttemptAt: null,
        now: now + 1003,
      }),
    ).toBe(true)
    expect(await store.getCrmDelivery(delivery.workspaceId, delivery.id)).toMatchObject({
      status: 'delivered',
      crmId: '17',
      deliveredAt: now + 1003,
      leaseOwner: null,
      leaseUntil: null,
      nextAttemptAt: null,
    })
  })

  it('replays only dead deliveries: pending now, attempts reset, schedule restarted, still looked up first', async () => {
    const store = getStore()
    const now = T0 + 2_000_000
    const { t, delivery } = await seedDelivery(store, now)
    await store.claimDueDeliveries({ owner: 'a', now, leaseMs: 1000, limit: 500 })
    expect(await store.replayCrmDelivery(t.workspace.id, delivery.id, now + 1)).toBeUndefined()
    await store.updateClaimedDelivery(delivery.id, 'a', {
      status: 'dead',
      attempts: 12,
      nextAttemptAt: null,
      ambiguous: true,
      lastError: 'timeout: no answer',
      now: now + 2,
    })
    const other = await seedTenant(store)
    expect(await store.replayCrmDelivery(other.workspace.id, delivery.id, now + 3)).toBeUndefined()
    expect(await store.listCrmDeliveries(t.workspace.id, { status: 'dead' })).toHaveLength(1)
    expect(await store.replayCrmDelivery(t.workspace.id, delivery.id, now + 3)).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now + 3,
      retryFrom: now + 3,
      ambiguous: true,
      lastError: 'timeout: no answer',
    })
  })

  it('remembers which CRM record a contact maps to per connection; the first record wins', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const connectionId = `conn-${crypto.randomUUID()}`
    const base = { workspaceId: t.workspace.id, connectionId, now: T0 }
    expect(await store.findContactLink(connectionId, ['email:a@b.c'])).toBeUndefined()
    await store.saveContactLinks({ ...base, contactKeys: ['email:a@b.c', 'phone:123456'], crmId: '1' })
    await store.saveContactLinks({ ...base, contactKeys: ['phone:123456', 'ext:u1'], crmId: '2' })
    expect(await store.findContactLink(connectionId, ['phone:123456'])).toBe('1')
    expect(await store.findContactLink(connectionId, ['ext:u1', 'email:a@b.c'])).toBe('2')
    expect(await store.findContactLink('another', ['email:a@b.c'])).toBeUndefined()
  })
}
