import { expect, it } from 'vitest'
import { expectStoreError, type GetStore, seedTenant } from './fixtures.ts'

/** updateOperatorProfile (issue 3 audit): an operator's own name and avatar, scoped to the workspace. */
export function operatorProfileContract(getStore: GetStore): void {
  it('changes the name and the avatar of an operator of the workspace only', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const avatarUrl = 'https://cdn.example/olga.png'
    const updated = await store.updateOperatorProfile(a.workspace.id, a.operator.id, {
      name: 'Olga',
      avatarUrl,
    })
    expect(updated).toEqual({ ...a.operator, name: 'Olga', avatarUrl })
    expect(await store.getOperator(a.workspace.id, a.operator.id)).toEqual(updated)
    expect(await store.findOperatorByEmail(a.operator.email)).toEqual(updated)
    // Fields left out stay; null removes the avatar; an empty patch reads the operator back.
    const renamed = await store.updateOperatorProfile(a.workspace.id, a.operator.id, { name: 'Olga K.' })
    expect(renamed.avatarUrl).toBe(avatarUrl)
    const plain = await store.updateOperatorProfile(a.workspace.id, a.operator.id, { avatarUrl: null })
    expect(plain).toMatchObject({ name: 'Olga K.', avatarUrl: null })
    expect(await store.updateOperatorProfile(a.workspace.id, a.operator.id, {})).toEqual(plain)
    await expectStoreError(
      store.updateOperatorProfile(b.workspace.id, a.operator.id, { name: 'x' }),
      'not_found',
    )
    expect((await store.getOperator(a.workspace.id, a.operator.id))?.name).toBe('Olga K.')
  })
}
