import { expect, it } from 'vitest'
import { type GetStore, openConversation, seedTenant, T0 } from './fixtures.ts'

/** Issue "Open lines": the start-up routing sweep finds every line with someone waiting. */
export function lineSweepContract(getStore: GetStore): void {
  it('listLinesWithWaitingConversations names each line with an open unassigned conversation once', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const quiet = await store.createLine({ workspaceId: t.workspace.id, name: 'Quiet', now: T0 })
    const other = await seedTenant(store)
    await openConversation(store, t)
    await openConversation(store, t)
    await openConversation(store, other)
    const assigned = await openConversation(store, { ...t, line: quiet })
    await store.assignIfUnassigned(t.workspace.id, assigned.id, t.operator.id, T0 + 1)
    const closed = await openConversation(store, { ...t, line: quiet })
    await store.updateConversation(t.workspace.id, closed.id, { status: 'closed', closedAt: T0, now: T0 })

    const mine = (await store.listLinesWithWaitingConversations()).filter(
      (ref) => ref.workspaceId === t.workspace.id || ref.workspaceId === other.workspace.id,
    )
    expect(mine).toHaveLength(2)
    expect(mine).toEqual(
      expect.arrayContaining([
        { workspaceId: t.workspace.id, lineId: t.line.id },
        { workspaceId: other.workspace.id, lineId: other.line.id },
      ]),
    )
  })
}
