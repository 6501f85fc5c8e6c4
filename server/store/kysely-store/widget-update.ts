import type { Kysely, Updateable } from 'kysely'
import type { Database, WidgetsTable } from '../database.ts'
import { StoreError } from '../types.ts'
import type { WidgetUpdateStore } from '../widget-update-types.ts'
import { toJson, toWidget } from './rows.ts'

/** PATCH /api/admin/widgets/:id (issue 5). */
export function widgetUpdateMethods(db: Kysely<Database>): WidgetUpdateStore {
  return {
    async updateWidget(workspaceId, id, update) {
      const set: Updateable<WidgetsTable> = {}
      if (update.name !== undefined) set.name = update.name
      if (update.settings !== undefined) set.settings = toJson(update.settings)
      if (update.allowedOrigins !== undefined) set.allowed_origins = toJson(update.allowedOrigins)
      const row =
        Object.keys(set).length === 0
          ? await db
              .selectFrom('widgets')
              .selectAll()
              .where('workspace_id', '=', workspaceId)
              .where('id', '=', id)
              .executeTakeFirst()
          : await db
              .updateTable('widgets')
              .set(set)
              .where('workspace_id', '=', workspaceId)
              .where('id', '=', id)
              .returningAll()
              .executeTakeFirst()
      if (!row) throw new StoreError('not_found', 'widget not found')
      return toWidget(row)
    },
  }
}
