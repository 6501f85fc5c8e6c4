import { expect, it } from 'vitest'
import { expectStoreError, type GetStore, seedTenant, T0 } from './fixtures.ts'

/** updateWidget (issue 5): name and settings, scoped to the workspace. */
export function widgetUpdateContract(getStore: GetStore): void {
  it('updates the name and the settings of a widget of the workspace only', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const settings = { color: '#ffcc00', channels: { enabled: ['callback', 'chat'] } }
    const updated = await store.updateWidget(a.workspace.id, a.widget.id, { name: 'Shop', settings, now: T0 })
    expect(updated).toEqual({ ...a.widget, name: 'Shop', settings })
    expect(await store.findWidget(a.widget.id)).toEqual(updated)
    const renamed = await store.updateWidget(a.workspace.id, a.widget.id, { name: 'Shop 2', now: T0 })
    expect(renamed.settings).toEqual(settings)
    expect(await store.updateWidget(a.workspace.id, a.widget.id, { now: T0 })).toEqual(renamed)
    await expectStoreError(
      store.updateWidget(b.workspace.id, a.widget.id, { name: 'x', now: T0 }),
      'not_found',
    )
    expect((await store.findWidget(a.widget.id))?.name).toBe('Shop 2')
  })

  it('replaces the allowed origins, leaving the rest (issue 2 audit)', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const origins = ['https://shop.example', 'https://*.shop.example']
    const updated = await store.updateWidget(a.workspace.id, a.widget.id, {
      allowedOrigins: origins,
      now: T0,
    })
    expect(updated).toEqual({ ...a.widget, allowedOrigins: origins })
    expect((await store.findWidget(a.widget.id))?.allowedOrigins).toEqual(origins)
    await store.updateWidget(a.workspace.id, a.widget.id, { name: 'Renamed', now: T0 })
    expect((await store.findWidget(a.widget.id))?.allowedOrigins).toEqual(origins)
    await store.updateWidget(a.workspace.id, a.widget.id, { allowedOrigins: [], now: T0 })
    expect((await store.findWidget(a.widget.id))?.allowedOrigins).toEqual([])
  })
}
