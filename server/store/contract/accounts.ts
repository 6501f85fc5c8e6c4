import { expect, it } from 'vitest'
import { expectStoreError, type GetStore, seedTenant, T0, uniqueName } from './fixtures.ts'

export function accountsContract(getStore: GetStore): void {
  it('creates, reads and counts workspaces', async () => {
    const store = getStore()
    const before = await store.countWorkspaces()
    const a = await store.createWorkspace({ name: 'Acme', now: T0 })
    await store.createWorkspace({ name: 'Globex', now: T0 + 1 })
    expect(a).toEqual({ id: expect.any(String), name: 'Acme', createdAt: T0 })
    expect(await store.getWorkspace(a.id)).toEqual(a)
    expect(await store.getWorkspace(crypto.randomUUID())).toBeUndefined()
    expect(await store.countWorkspaces()).toBe(before + 2)
  })

  it('stores operators with lower-cased email and finds them case-insensitively', async () => {
    const store = getStore()
    const { workspace } = await seedTenant(store)
    const local = uniqueName('Mixed.Case')
    const operator = await store.createOperator({
      workspaceId: workspace.id,
      email: `${local}@Example.COM`,
      name: 'Max',
      passwordHash: 'scrypt$abc',
      role: 'operator',
      now: T0 + 5,
    })
    expect(operator).toEqual({
      id: expect.any(String),
      workspaceId: workspace.id,
      email: `${local.toLowerCase()}@example.com`,
      name: 'Max',
      avatarUrl: null,
      role: 'operator',
      passwordHash: 'scrypt$abc',
      createdAt: T0 + 5,
    })
    expect(await store.findOperatorByEmail(`${local.toUpperCase()}@EXAMPLE.com`)).toEqual(operator)
    expect(await store.findOperatorByEmail('nobody@example.com')).toBeUndefined()
    expect(await store.getOperator(workspace.id, operator.id)).toEqual(operator)
  })

  it('lists and reads operators only within their workspace', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const second = await store.createOperator({
      workspaceId: a.workspace.id,
      email: `${uniqueName('second')}@example.com`,
      name: 'Second',
      passwordHash: 'h',
      role: 'operator',
      avatarUrl: 'https://example.com/a.png',
      now: T0 + 1,
    })
    expect(await store.listOperators(a.workspace.id)).toEqual([a.operator, second])
    expect(await store.listOperators(b.workspace.id)).toEqual([b.operator])
    expect(await store.getOperator(b.workspace.id, a.operator.id)).toBeUndefined()
  })

  it('rejects a duplicate operator email in any case and any workspace with conflict', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const input = {
      workspaceId: b.workspace.id,
      email: a.operator.email.toUpperCase(),
      name: 'Copy',
      passwordHash: 'h',
      role: 'admin' as const,
      now: T0,
    }
    await expectStoreError(store.createOperator(input), 'conflict')
    expect(await store.listOperators(b.workspace.id)).toEqual([b.operator])
  })

  it('refuses an operator for a missing workspace with not_found', async () => {
    const input = {
      email: `${uniqueName('x')}@example.com`,
      name: 'X',
      passwordHash: 'h',
      role: 'admin' as const,
    }
    await expectStoreError(
      getStore().createOperator({ ...input, workspaceId: crypto.randomUUID(), now: T0 }),
      'not_found',
    )
  })

  it('finds sessions until they expire and forgets deleted ones', async () => {
    const store = getStore()
    const { workspace, operator } = await seedTenant(store)
    const session = {
      id: uniqueName('sha256'),
      operatorId: operator.id,
      workspaceId: workspace.id,
      csrfToken: 'csrf',
      createdAt: T0,
      expiresAt: T0 + 1000,
    }
    await store.createSession(session)
    expect(await store.findSession(session.id, T0 + 999)).toEqual(session)
    expect(await store.findSession(session.id, T0 + 1000)).toBeUndefined()
    expect(await store.findSession(uniqueName('missing'), T0)).toBeUndefined()
    await store.deleteSession(session.id)
    expect(await store.findSession(session.id, T0)).toBeUndefined()
  })

  it('refuses a session whose operator belongs to another workspace', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const session = {
      id: uniqueName('sha256'),
      operatorId: a.operator.id,
      workspaceId: b.workspace.id,
      csrfToken: 'csrf',
      createdAt: T0,
      expiresAt: T0 + 1000,
    }
    await expectStoreError(store.createSession(session), 'not_found')
    expect(await store.findSession(session.id, T0)).toBeUndefined()
  })
}
