import { expect, it } from 'vitest'
import { type GetStore, openConversation, seedTenant, T0 } from './fixtures.ts'

/** Identified visitors (issue 6 item 1): the identified id, look-ups by it, the widget identity secret. */
export function visitorIdentityContract(getStore: GetStore): void {
  it('stores, finds by and clears the identified id, scoped to the workspace', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    expect(t.visitor.externalId).toBeNull()
    const identified = await store.updateVisitor(t.workspace.id, t.visitor.id, {
      externalId: 'u-42',
      lastSeenAt: T0 + 5,
    })
    expect(identified).toEqual({ ...t.visitor, externalId: 'u-42', lastSeenAt: T0 + 5 })
    expect(await store.getVisitor(t.workspace.id, t.visitor.id)).toEqual(identified)
    const second = await store.createVisitor({ workspaceId: t.workspace.id, widgetId: t.widget.id, now: T0 })
    await store.updateVisitor(t.workspace.id, second.id, { externalId: 'u-42', lastSeenAt: T0 + 9 })
    await store.updateVisitor(other.workspace.id, other.visitor.id, { externalId: 'u-42' })

    const found = await store.findVisitorsByExternalId(t.workspace.id, 'u-42')
    expect(found.map((v) => v.id)).toEqual([second.id, t.visitor.id])
    expect(await store.findVisitorsByExternalId(t.workspace.id, 'u-4')).toEqual([])

    const cleared = await store.updateVisitor(t.workspace.id, t.visitor.id, { externalId: null })
    expect(cleared.externalId).toBeNull()
    expect((await store.findVisitorsByExternalId(t.workspace.id, 'u-42')).map((v) => v.id)).toEqual([
      second.id,
    ])
  })

  it('an identified id alone makes an open chat a lead, as an e-mail does', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const c = await openConversation(store, t)
    await store.updateVisitor(t.workspace.id, t.visitor.id, { externalId: 'u-7', lastSeenAt: T0 + 1 })
    const events = (await store.listUnexpandedOutboxEvents(100_000)).filter(
      (e) => e.workspaceId === t.workspace.id,
    )
    expect(events).toEqual([
      {
        id: expect.any(String),
        workspaceId: t.workspace.id,
        topic: 'lead.chat',
        subjectId: c.id,
        createdAt: T0 + 1,
      },
    ])
  })

  it("sets, replaces and removes a widget's identity secret, only in its own workspace", async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const other = await seedTenant(store)
    expect(await store.getWidgetIdentitySecret(t.workspace.id, t.widget.id)).toBeNull()
    const set = (workspaceId: string, secret: string | null) =>
      store.setWidgetIdentitySecret({ workspaceId, widgetId: t.widget.id, secret, now: T0 })
    expect(await set(t.workspace.id, 's'.repeat(32))).toBe(true)
    expect(await set(t.workspace.id, 'r'.repeat(32))).toBe(true)
    expect(await store.getWidgetIdentitySecret(t.workspace.id, t.widget.id)).toBe('r'.repeat(32))
    expect(await set(other.workspace.id, 'x'.repeat(32))).toBe(false)
    expect(await store.getWidgetIdentitySecret(other.workspace.id, t.widget.id)).toBeNull()
    expect(await store.getWidgetIdentitySecret(t.workspace.id, t.widget.id)).toBe('r'.repeat(32))
    expect(await set(t.workspace.id, null)).toBe(true)
    expect(await store.getWidgetIdentitySecret(t.workspace.id, t.widget.id)).toBeNull()
    expect(
      await store.setWidgetIdentitySecret({
        workspaceId: t.workspace.id,
        widgetId: 'nope',
        secret: null,
        now: T0,
      }),
    ).toBe(false)
  })
}
