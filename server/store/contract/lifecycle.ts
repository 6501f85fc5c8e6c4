import { expect, it } from 'vitest'
import { type GetStore, T0, uniqueName } from './fixtures.ts'

export function lifecycleContract(getStore: GetStore): void {
  it('migrate() again is a no-op that keeps the data', async () => {
    const store = getStore()
    const workspace = await store.createWorkspace({ name: 'Before', now: T0 })
    await store.migrate()
    await store.migrate()
    expect(await store.getWorkspace(workspace.id)).toEqual(workspace)
  })

  it('answers ping()', async () => {
    await expect(getStore().ping()).resolves.toBeUndefined()
  })

  it('getOrCreateSetting creates once and then returns the stored value', async () => {
    const store = getStore()
    const key = uniqueName('secret')
    expect(await store.getOrCreateSetting(key, () => 'first')).toBe('first')
    let called = false
    const again = await store.getOrCreateSetting(key, () => {
      called = true
      return 'second'
    })
    expect(again).toBe('first')
    expect(called).toBe(false)
  })

  it('10 concurrent getOrCreateSetting calls agree on one value', async () => {
    const store = getStore()
    const key = uniqueName('race')
    const values = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.getOrCreateSetting(key, () => `candidate-${i}`)),
    )
    expect(new Set(values).size).toBe(1)
    expect(values[0]).toMatch(/^candidate-\d$/)
    expect(await store.getOrCreateSetting(key, () => 'late')).toBe(values[0])
  })
}
