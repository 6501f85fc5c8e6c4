import { expect, it } from 'vitest'
import { expectStoreError, type GetStore, seedTenant, T0 } from './fixtures.ts'

/** `updateLine` (issue "Open lines": the line settings API saves through it). */
export function lineUpdatesContract(getStore: GetStore): void {
  it('renames a line and replaces its settings, each on its own', async () => {
    const store = getStore()
    const { workspace, line } = await seedTenant(store)
    const settings = { routing: { mode: 'in-order', queue: ['x'] }, offHours: 'hide-widget' }
    const withSettings = await store.updateLine(workspace.id, line.id, { settings, now: T0 + 1 })
    expect(withSettings).toEqual({ ...line, settings })
    const renamed = await store.updateLine(workspace.id, line.id, { name: 'Support', now: T0 + 2 })
    expect(renamed).toEqual({ ...line, name: 'Support', settings })
    expect(await store.updateLine(workspace.id, line.id, { now: T0 + 3 })).toEqual(renamed)
    expect(await store.getLine(workspace.id, line.id)).toEqual(renamed)
    const cleared = await store.updateLine(workspace.id, line.id, { settings: {}, now: T0 + 4 })
    expect(cleared.settings).toEqual({})
  })

  it("refuses another workspace's line or a missing one with not_found and changes nothing", async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    await expectStoreError(
      store.updateLine(b.workspace.id, a.line.id, { name: 'Taken', settings: { x: 1 }, now: T0 }),
      'not_found',
    )
    await expectStoreError(store.updateLine(b.workspace.id, a.line.id, { now: T0 }), 'not_found')
    await expectStoreError(
      store.updateLine(a.workspace.id, 'no-such-line', { name: 'X', now: T0 }),
      'not_found',
    )
    expect(await store.getLine(a.workspace.id, a.line.id)).toEqual(a.line)
  })
}
