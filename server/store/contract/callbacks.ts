import { expect, it } from 'vitest'
import type { NewCallback } from '../callback-types.ts'
import type { Store } from '../types.ts'
import { expectStoreError, type GetStore, seedTenant, T0, type Tenant, uniqueName } from './fixtures.ts'

function newCallback(t: Tenant, overrides: Partial<NewCallback> = {}): NewCallback {
  return {
    workspaceId: t.workspace.id,
    lineId: t.line.id,
    widgetId: t.widget.id,
    visitorId: t.visitor.id,
    name: 'Ann Visitor',
    phone: '+48601234567',
    topic: 'Delivery times',
    preferred: 'asap',
    dueAt: T0,
    consentText: null,
    locale: 'pl-PL',
    visitorTimeZone: 'Europe/Warsaw',
    now: T0,
    ...overrides,
  }
}

async function secondOperator(store: Store, t: Tenant) {
  return store.createOperator({
    workspaceId: t.workspace.id,
    email: `${uniqueName('op2')}@example.com`,
    name: 'Piotr',
    passwordHash: 'hash',
    role: 'operator',
    now: T0,
  })
}

/** Callback requests (issue 5, item 2): the queue, its changes and their audit trail. */
export function callbacksContract(getStore: GetStore): void {
  it('stores a callback with its created event and its lead.callback outbox row, in one go', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const created = await store.createCallback(newCallback(t, { consentText: 'I agree', extra: { a: '1' } }))
    expect(created).toMatchObject({ status: 'new', assigneeId: null, consentAt: T0, extra: { a: '1' } })
    expect(await store.getCallback(t.workspace.id, created.id)).toEqual(created)
    const events = await store.listCallbackEvents(t.workspace.id, created.id)
    expect(events).toMatchObject([{ type: 'created', actorKind: 'visitor', actorId: t.visitor.id }])
    const outbox = await store.listUnexpandedOutboxEvents(10_000)
    expect(outbox.filter((e) => e.subjectId === created.id)).toMatchObject([
      { workspaceId: t.workspace.id, topic: 'lead.callback' },
    ])
  })

  it('writes neither callback nor outbox row when the visitor is not in the workspace', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    await expectStoreError(store.createCallback(newCallback(t, { visitorId: other.visitor.id })), 'not_found')
    expect(await store.listCallbacks(t.workspace.id)).toEqual([])
  })

  it('lists due soonest first, filtered by status, scoped to the workspace', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const later = await store.createCallback(newCallback(t, { dueAt: T0 + 2000 }))
    const sooner = await store.createCallback(newCallback(t, { dueAt: T0 + 1000, preferred: 'slot' }))
    await store.createCallback(newCallback(other))
    expect((await store.listCallbacks(t.workspace.id)).map((c) => c.id)).toEqual([sooner.id, later.id])
    await store.changeCallback(t.workspace.id, later.id, {
      expected: { status: 'new', assigneeId: null, dueAt: T0 + 2000 },
      set: { status: 'called', assigneeId: t.operator.id, dueAt: T0 + 2000 },
      event: { type: 'called', actorId: t.operator.id, data: {} },
      now: T0 + 5,
    })
    expect((await store.listCallbacks(t.workspace.id, { statuses: ['new'] })).map((c) => c.id)).toEqual([
      sooner.id,
    ])
    expect(
      (await store.listCallbacks(t.workspace.id, { statuses: ['called', 'no_answer'] })).map((c) => c.id),
    ).toEqual([later.id])
    expect(await store.getCallback(other.workspace.id, sooner.id)).toBeUndefined()
  })

  it('applies a change only from the expected state and records who did it', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const piotr = await secondOperator(store, t)
    const c = await store.createCallback(newCallback(t))
    const assign = {
      expected: { status: 'new' as const, assigneeId: null, dueAt: T0 },
      set: { status: 'assigned' as const, assigneeId: piotr.id, dueAt: T0 },
      event: { type: 'assigned' as const, actorId: t.operator.id, data: { assigneeId: piotr.id } },
      now: T0 + 10,
    }
    const assigned = await store.changeCallback(t.workspace.id, c.id, assign)
    expect(assigned).toMatchObject({ status: 'assigned', assigneeId: piotr.id, updatedAt: T0 + 10 })
    // The same change again: the callback is no longer "new and unassigned".
    await expectStoreError(store.changeCallback(t.workspace.id, c.id, assign), 'conflict')
    const rescheduled = await store.changeCallback(t.workspace.id, c.id, {
      expected: { status: 'assigned', assigneeId: piotr.id, dueAt: T0 },
      set: { status: 'assigned', assigneeId: piotr.id, dueAt: T0 + 3_600_000 },
      event: { type: 'rescheduled', actorId: piotr.id, data: { from: T0, to: T0 + 3_600_000 } },
      now: T0 + 20,
    })
    expect(rescheduled.dueAt).toBe(T0 + 3_600_000)
    const events = await store.listCallbackEvents(t.workspace.id, c.id)
    expect(events.map((e) => [e.type, e.actorKind, e.actorId, e.createdAt])).toEqual([
      ['created', 'visitor', t.visitor.id, T0],
      ['assigned', 'operator', t.operator.id, T0 + 10],
      ['rescheduled', 'operator', piotr.id, T0 + 20],
    ])
    expect(events[2]?.data).toEqual({ from: T0, to: T0 + 3_600_000 })
  })

  it('refuses another workspace and an assignee from another workspace', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    const c = await store.createCallback(newCallback(t))
    const change = (assigneeId: string) => ({
      expected: { status: 'new' as const, assigneeId: null, dueAt: T0 },
      set: { status: 'assigned' as const, assigneeId, dueAt: T0 },
      event: { type: 'assigned' as const, actorId: t.operator.id, data: {} },
      now: T0 + 1,
    })
    await expectStoreError(
      store.changeCallback(other.workspace.id, c.id, change(other.operator.id)),
      'not_found',
    )
    await expectStoreError(store.changeCallback(t.workspace.id, c.id, change(other.operator.id)), 'not_found')
    expect(await store.getCallback(t.workspace.id, c.id)).toMatchObject({ status: 'new', assigneeId: null })
    expect(await store.listCallbackEvents(other.workspace.id, c.id)).toEqual([])
  })
}
