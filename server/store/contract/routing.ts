import { expect, it } from 'vitest'
import { type GetStore, openConversation, seedTenant, T0, type Tenant, uniqueName } from './fixtures.ts'

async function secondOperator(t: Tenant) {
  return (store: ReturnType<GetStore>) =>
    store.createOperator({
      workspaceId: t.workspace.id,
      email: `${uniqueName('op2')}@example.com`,
      name: 'Boris',
      passwordHash: 'hash',
      role: 'operator',
      now: T0,
    })
}

export function routingContract(getStore: GetStore): void {
  it('assignIfUnassigned assigns an open unassigned conversation once, and nothing else', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const c = await openConversation(store, t)
    expect(
      await store.assignIfUnassigned(other.workspace.id, c.id, other.operator.id, T0 + 1),
    ).toBeUndefined()
    const won = await store.assignIfUnassigned(t.workspace.id, c.id, t.operator.id, T0 + 1)
    expect(won).toEqual({ ...c, assigneeId: t.operator.id, updatedAt: T0 + 1 })
    expect(await store.assignIfUnassigned(t.workspace.id, c.id, t.operator.id, T0 + 2)).toBeUndefined()
    const closed = await openConversation(store, t)
    await store.updateConversation(t.workspace.id, closed.id, { status: 'closed', closedAt: T0, now: T0 })
    expect(await store.assignIfUnassigned(t.workspace.id, closed.id, t.operator.id, T0 + 3)).toBeUndefined()
  })

  it('10 concurrent assignIfUnassigned calls: exactly one wins', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const ops = [
      t.operator,
      ...(await Promise.all(Array.from({ length: 4 }, async () => (await secondOperator(t))(store)))),
    ]
    const c = await openConversation(store, t)
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.assignIfUnassigned(t.workspace.id, c.id, ops[i % ops.length]!.id, T0 + i),
      ),
    )
    const winners = results.filter((r) => r !== undefined)
    expect(winners).toHaveLength(1)
    expect((await store.getConversation(t.workspace.id, c.id))?.assigneeId).toBe(winners[0]!.assigneeId)
  })

  it("lists a line's waiting conversations oldest first, and each visitor's latest assignee", async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const newer = await openConversation(store, t, T0 + 5)
    const older = await openConversation(store, t, T0 + 1)
    const assigned = await openConversation(store, t, T0 + 2)
    await store.assignIfUnassigned(t.workspace.id, assigned.id, t.operator.id, T0 + 3)
    const waiting = await store.listWaitingConversations(t.workspace.id, t.line.id)
    expect(waiting.map((c) => c.id)).toEqual([older.id, newer.id])
    const latest = await store.latestAssignees(t.workspace.id, t.line.id, [t.visitor.id, 'nobody'])
    expect([...latest]).toEqual([[t.visitor.id, t.operator.id]])
    const other = await seedTenant(store)
    expect(await store.listWaitingConversations(other.workspace.id, t.line.id)).toEqual([])
    expect((await store.latestAssignees(other.workspace.id, t.line.id, [t.visitor.id])).size).toBe(0)
  })

  it('counts open assigned conversations and the last assignment per operator', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const boris = await (await secondOperator(t))(store)
    const a = await openConversation(store, t)
    const b = await openConversation(store, t)
    await store.assignIfUnassigned(t.workspace.id, a.id, t.operator.id, T0 + 10)
    await store.assignIfUnassigned(t.workspace.id, b.id, t.operator.id, T0 + 20)
    await store.updateConversation(t.workspace.id, b.id, {
      status: 'closed',
      closedAt: T0 + 30,
      now: T0 + 30,
    })
    expect(await store.operatorLoads(t.workspace.id, [t.operator.id, boris.id])).toEqual([
      { operatorId: t.operator.id, activeChats: 1, lastAssignedAt: T0 + 20 },
      { operatorId: boris.id, activeChats: 0, lastAssignedAt: null },
    ])
  })

  it('keeps presence per operator, refreshes it in one batch and revives an offline row', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const boris = await (await secondOperator(t))(store)
    await store.setOperatorPresence(t.workspace.id, t.operator.id, 'online', T0)
    await store.setOperatorPresence(t.workspace.id, boris.id, 'away', T0)
    await store.setOperatorPresence(t.workspace.id, t.operator.id, 'offline', T0 + 1)
    await store.touchOperatorPresence([t.operator.id, boris.id], T0 + 50)
    const rows = await store.listOperatorPresence(t.workspace.id, [t.operator.id, boris.id])
    expect(rows.sort((x, y) => (x.status < y.status ? -1 : 1))).toEqual([
      { workspaceId: t.workspace.id, operatorId: boris.id, status: 'away', lastSeenAt: T0 + 50 },
      { workspaceId: t.workspace.id, operatorId: t.operator.id, status: 'online', lastSeenAt: T0 + 50 },
    ])
    const other = await seedTenant(store)
    expect(await store.listOperatorPresence(other.workspace.id, [t.operator.id])).toEqual([])
  })

  it('opens offers idempotently, withdraws them once, reopens withdrawn but never skipped ones', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const boris = await (await secondOperator(t))(store)
    const c = await openConversation(store, t)
    const base = { workspaceId: t.workspace.id, lineId: t.line.id, conversationId: c.id }
    const both = [t.operator.id, boris.id]
    expect(await store.openOffers({ ...base, operatorIds: both, expiresAt: null, now: T0 })).toEqual(both)
    expect(await store.openOffers({ ...base, operatorIds: both, expiresAt: null, now: T0 + 1 })).toEqual([])
    expect(await store.withdrawOffers(t.workspace.id, c.id, [t.operator.id], 'missed')).toEqual([
      t.operator.id,
    ])
    expect(await store.withdrawOffers(t.workspace.id, c.id, [t.operator.id], 'missed')).toEqual([])
    expect(await store.withdrawOffers(t.workspace.id, c.id, [boris.id], 'skipped')).toEqual([boris.id])
    expect(await store.openOffers({ ...base, operatorIds: both, expiresAt: T0 + 99, now: T0 + 2 })).toEqual([
      t.operator.id,
    ])
    const offers = await store.listOffers(t.workspace.id, t.line.id)
    expect(offers.find((o) => o.operatorId === t.operator.id)).toEqual({
      ...base,
      operatorId: t.operator.id,
      state: 'open',
      offeredAt: T0 + 2,
      expiresAt: T0 + 99,
      misses: 1,
    })
    expect(offers.find((o) => o.operatorId === boris.id)?.state).toBe('skipped')
    const other = await seedTenant(store)
    expect(await store.listOffers(other.workspace.id, t.line.id)).toEqual([])
    expect(await store.deleteOffers(other.workspace.id, [c.id])).toEqual([])
    expect((await store.deleteOffers(t.workspace.id, [c.id])).map((o) => o.state).sort()).toEqual([
      'open',
      'skipped',
    ])
    expect(await store.listOffers(t.workspace.id, t.line.id)).toEqual([])
  })
}
