import { expect, it } from 'vitest'
import type { CrmConnection } from '../../crm/crm-connection.ts'
import { DEFAULT_LEAD_RULES, type LeadRules } from '../../leads/lead-rules-schema.ts'
import { expectStoreError, type GetStore, seedTenant, T0 } from './fixtures.ts'

const webhook = {
  kind: 'webhook' as const,
  url: 'https://hooks.example.com/openline?key=abc123secret',
  secret: `whsec_${'A'.repeat(44)}`,
} satisfies CrmConnection
const bitrix: CrmConnection = { kind: 'bitrix24', webhookUrl: 'https://b24.example.com/rest/1/tok3nvalue/' }

/** CRM connections (issue "Leads to CRM", items 5 and 6; contract C3). */
export function crmConnectionsContract(getStore: GetStore): void {
  it('creates, lists (oldest first) and reads connections with secrets, maps and flags intact', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const first = await store.createCrmConnection({
      workspaceId: t.workspace.id,
      name: 'Zapier',
      connection: webhook,
      fieldMap: { company: 'org_name' },
      userMap: { [t.operator.id]: '42' },
      now: T0,
    })
    expect(first).toMatchObject({
      workspaceId: t.workspace.id,
      name: 'Zapier',
      enabled: true,
      connection: webhook,
      fieldMap: { company: 'org_name' },
      userMap: { [t.operator.id]: '42' },
      createdAt: T0,
      updatedAt: T0,
    })
    const second = await store.createCrmConnection({
      workspaceId: t.workspace.id,
      name: 'Bitrix',
      enabled: false,
      connection: bitrix,
      now: T0 + 1,
    })
    expect(second).toMatchObject({ enabled: false, fieldMap: {}, userMap: {} })
    expect((await store.listCrmConnections(t.workspace.id)).map((c) => c.name)).toEqual(['Zapier', 'Bitrix'])
    expect(await store.getCrmConnection(t.workspace.id, first.id)).toEqual(first)
  })

  it('updates only the given fields and replaces the connection whole', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const c = await store.createCrmConnection({
      workspaceId: t.workspace.id,
      name: 'Hook',
      connection: webhook,
      fieldMap: { a: 'b' },
      now: T0,
    })
    const disabled = await store.updateCrmConnection(t.workspace.id, c.id, { enabled: false, now: T0 + 5 })
    expect(disabled).toMatchObject({ name: 'Hook', enabled: false, fieldMap: { a: 'b' }, updatedAt: T0 + 5 })
    const rotated: CrmConnection = {
      ...webhook,
      secret: `whsec_${'B'.repeat(44)}`,
      previousSecret: { secret: webhook.secret, until: T0 + 1000 },
    }
    const updated = await store.updateCrmConnection(t.workspace.id, c.id, {
      name: 'Renamed',
      connection: rotated,
      fieldMap: {},
      userMap: { [t.operator.id]: '7' },
      now: T0 + 6,
    })
    expect(updated).toMatchObject({ name: 'Renamed', enabled: false, connection: rotated, fieldMap: {} })
    expect(await store.getCrmConnection(t.workspace.id, c.id)).toEqual(updated)
    const kind = await store.updateCrmConnection(t.workspace.id, c.id, { connection: bitrix, now: T0 + 7 })
    expect(kind.connection).toEqual(bitrix)
  })

  it('keeps lead rules with the connection; one saved without them has the defaults (issue 6, item 1)', async () => {
    const store = getStore()
    const t = await seedTenant(store)
    const plain = await store.createCrmConnection({
      workspaceId: t.workspace.id,
      name: 'Plain',
      connection: webhook,
      now: T0,
    })
    expect(plain.leadRules).toEqual(DEFAULT_LEAD_RULES)
    expect((await store.getCrmConnection(t.workspace.id, plain.id))?.leadRules).toEqual(DEFAULT_LEAD_RULES)
    const rules: LeadRules = {
      sources: ['form', 'callback'],
      lineIds: [t.line.id],
      widgetIds: [],
      recognisedClient: 'new-lead',
    }
    const ruled = await store.createCrmConnection({
      workspaceId: t.workspace.id,
      name: 'Ruled',
      connection: bitrix,
      leadRules: rules,
      now: T0 + 1,
    })
    expect(ruled.leadRules).toEqual(rules)
    expect((await store.getCrmConnection(t.workspace.id, ruled.id))?.leadRules).toEqual(rules)
    // an update without rules keeps them; with rules replaces them whole
    const renamed = await store.updateCrmConnection(t.workspace.id, ruled.id, { name: 'R', now: T0 + 2 })
    expect(renamed.leadRules).toEqual(rules)
    const widened = await store.updateCrmConnection(t.workspace.id, plain.id, {
      leadRules: { ...DEFAULT_LEAD_RULES, sources: ['chat'] },
      now: T0 + 3,
    })
    expect(widened.leadRules).toEqual({ ...DEFAULT_LEAD_RULES, sources: ['chat'] })
    expect((await store.listCrmConnections(t.workspace.id)).map((c) => c.leadRules)).toEqual([
      { ...DEFAULT_LEAD_RULES, sources: ['chat'] },
      rules,
    ])
  })

  it('keeps workspaces apart and deletes', async () => {
    const store = getStore()
    const a = await seedTenant(store)
    const b = await seedTenant(store)
    const c = await store.createCrmConnection({
      workspaceId: a.workspace.id,
      name: 'Hook',
      connection: webhook,
      now: T0,
    })
    expect(await store.getCrmConnection(b.workspace.id, c.id)).toBeUndefined()
    expect(await store.listCrmConnections(b.workspace.id)).toEqual([])
    await expectStoreError(
      store.updateCrmConnection(b.workspace.id, c.id, { name: 'x', now: T0 }),
      'not_found',
    )
    expect(await store.deleteCrmConnection(b.workspace.id, c.id)).toBe(false)
    expect(await store.deleteCrmConnection(a.workspace.id, c.id)).toBe(true)
    expect(await store.deleteCrmConnection(a.workspace.id, c.id)).toBe(false)
    expect(await store.getCrmConnection(a.workspace.id, c.id)).toBeUndefined()
  })

  it('refuses a connection for a workspace that does not exist', async () => {
    const store = getStore()
    await expectStoreError(
      store.createCrmConnection({ workspaceId: 'nope', name: 'x', connection: webhook, now: T0 }),
      'not_found',
    )
  })
}
