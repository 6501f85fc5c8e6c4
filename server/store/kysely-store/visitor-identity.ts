/** Identified visitors (issue 6 item 1): the widget's identity secret and look-ups by identified id. */
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { VisitorIdentityStore } from '../visitor-identity-types.ts'
import { toVisitor } from './rows.ts'

export function visitorIdentityMethods(db: Kysely<Database>): VisitorIdentityStore {
  return {
    async getWidgetIdentitySecret(workspaceId, widgetId) {
      const row = await db
        .selectFrom('widget_identity_secrets')
        .select('secret')
        .where('workspace_id', '=', workspaceId)
        .where('widget_id', '=', widgetId)
        .executeTakeFirst()
      return row?.secret ?? null
    },

    async setWidgetIdentitySecret({ workspaceId, widgetId, secret, now }) {
      return db.transaction().execute(async (trx) => {
        const widget = await trx
          .selectFrom('widgets')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', widgetId)
          .executeTakeFirst()
        if (!widget) return false
        if (secret === null) {
          await trx.deleteFrom('widget_identity_secrets').where('widget_id', '=', widgetId).execute()
          return true
        }
        await trx
          .insertInto('widget_identity_secrets')
          .values({ widget_id: widgetId, workspace_id: workspaceId, secret, updated_at: now })
          .onConflict((oc) => oc.column('widget_id').doUpdateSet({ secret, updated_at: now }))
          .execute()
        return true
      })
    },

    async findVisitorsByExternalId(workspaceId, externalId) {
      const rows = await db
        .selectFrom('visitors')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('external_id', '=', externalId)
        .orderBy('last_seen_at', 'desc')
        .orderBy('id')
        .limit(100)
        .execute()
      return rows.map(toVisitor)
    },
  }
}
