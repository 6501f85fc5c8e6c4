import type { Kysely, Selectable, Updateable } from 'kysely'
import { crmConnectionSchema } from '../../crm/crm-connection.ts'
import { DEFAULT_LEAD_RULES, type LeadRules, leadRulesSchema } from '../../leads/lead-rules-schema.ts'
import type { CrmConnectionStore, StoredCrmConnection } from '../crm-connection-types.ts'
import type { CrmConnectionsTable, Database } from '../database.ts'
import { mapConstraintErrors } from './constraints.ts'
import { assertFound } from './teamwork.ts'

const stringMap = (text: string): Record<string, string> => {
  const value: unknown = JSON.parse(text)
  const out: Record<string, string> = {}
  if (typeof value !== 'object' || value === null) return out
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item
  return out
}

/** Null (a row from before migration 0011) reads as the defaults: today's behaviour. */
const leadRules = (text: string | null): LeadRules =>
  text === null ? DEFAULT_LEAD_RULES : leadRulesSchema.parse(JSON.parse(text))

// Parsed on every read: a row written by an older version with a since-tightened schema fails
// loudly here instead of reaching an adapter half-valid.
const toConnection = (r: Selectable<CrmConnectionsTable>): StoredCrmConnection => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  enabled: Number(r.enabled) === 1,
  connection: crmConnectionSchema.parse(JSON.parse(r.connection)),
  fieldMap: stringMap(r.field_map),
  userMap: stringMap(r.user_map),
  leadRules: leadRules(r.lead_rules),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** CRM connections (issue "Leads to CRM", items 5 and 6; contract C3). Secrets are stored as given. */
export function crmConnectionMethods(db: Kysely<Database>): CrmConnectionStore {
  return {
    async listCrmConnections(workspaceId) {
      const rows = await db
        .selectFrom('crm_connections')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toConnection)
    },

    async getCrmConnection(workspaceId, id) {
      const row = await db
        .selectFrom('crm_connections')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toConnection(row)
    },

    async createCrmConnection(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        name: input.name,
        kind: input.connection.kind,
        enabled: input.enabled === false ? 0 : 1,
        connection: JSON.stringify(input.connection),
        field_map: JSON.stringify(input.fieldMap ?? {}),
        user_map: JSON.stringify(input.userMap ?? {}),
        lead_rules: input.leadRules ? JSON.stringify(input.leadRules) : null,
        created_at: input.now,
        updated_at: input.now,
      }
      await mapConstraintErrors(db.insertInto('crm_connections').values(row).execute(), {
        notFound: 'workspace not found',
      })
      return toConnection(row)
    },

    async updateCrmConnection(workspaceId, id, patch) {
      const set: Updateable<CrmConnectionsTable> = { updated_at: patch.now }
      if (patch.name !== undefined) set.name = patch.name
      if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0
      if (patch.connection !== undefined) {
        set.connection = JSON.stringify(patch.connection)
        set.kind = patch.connection.kind
      }
      if (patch.fieldMap !== undefined) set.field_map = JSON.stringify(patch.fieldMap)
      if (patch.userMap !== undefined) set.user_map = JSON.stringify(patch.userMap)
      if (patch.leadRules !== undefined) set.lead_rules = JSON.stringify(patch.leadRules)
      const row = await db
        .updateTable('crm_connections')
        .set(set)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
      return toConnection(assertFound(row, 'CRM connection'))
    },

    async deleteCrmConnection(workspaceId, id) {
      const result = await db
        .deleteFrom('crm_connections')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },
  }
}
