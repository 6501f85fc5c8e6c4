import type { Kysely, Updateable } from 'kysely'
import type { Database, LinesTable } from '../database.ts'
import { type Store, StoreError } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'
import { toJson, toLine, toWidget } from './rows.ts'

type LineWidgetMethods = Pick<
  Store,
  | 'createLine'
  | 'getLine'
  | 'listLines'
  | 'updateLine'
  | 'createWidget'
  | 'findWidget'
  | 'findWidgetBySlug'
  | 'getWidget'
  | 'listWidgets'
>

export function lineWidgetMethods(db: Kysely<Database>): LineWidgetMethods {
  const widgets = () => db.selectFrom('widgets').selectAll()

  return {
    async createLine(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        name: input.name,
        settings: toJson(input.settings ?? {}),
        created_at: input.now,
      }
      await mapConstraintErrors(db.insertInto('lines').values(row).execute(), {
        notFound: 'workspace not found',
      })
      return toLine(row)
    },

    async getLine(workspaceId, id) {
      const row = await db
        .selectFrom('lines')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toLine(row)
    },

    async listLines(workspaceId) {
      const rows = await db
        .selectFrom('lines')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toLine)
    },

    // ---------------------------------------------------------------- line settings (issue "Open lines")
    async updateLine(workspaceId, id, patch) {
      const set: Updateable<LinesTable> = {}
      if (patch.name !== undefined) set.name = patch.name
      if (patch.settings !== undefined) set.settings = toJson(patch.settings)
      const row =
        Object.keys(set).length === 0
          ? await db
              .selectFrom('lines')
              .selectAll()
              .where('workspace_id', '=', workspaceId)
              .where('id', '=', id)
              .executeTakeFirst()
          : await db
              .updateTable('lines')
              .set(set)
              .where('workspace_id', '=', workspaceId)
              .where('id', '=', id)
              .returningAll()
              .executeTakeFirst()
      if (!row) throw new StoreError('not_found', 'line not found')
      return toLine(row)
    },
    // ---------------------------------------------------------------- end line settings

    async createWidget(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        line_id: input.lineId,
        name: input.name,
        public_slug: input.publicSlug,
        settings: toJson(input.settings ?? {}),
        allowed_origins: toJson(input.allowedOrigins ?? []),
        created_at: input.now,
      }
      await mapConstraintErrors(db.insertInto('widgets').values(row).execute(), {
        conflict: 'a widget with this public slug already exists',
        notFound: 'line not found',
      })
      return toWidget(row)
    },

    async findWidget(id) {
      const row = await widgets().where('id', '=', id).executeTakeFirst()
      return row && toWidget(row)
    },

    async findWidgetBySlug(slug) {
      const row = await widgets().where('public_slug', '=', slug).executeTakeFirst()
      return row && toWidget(row)
    },

    async getWidget(workspaceId, id) {
      const row = await widgets()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toWidget(row)
    },

    async listWidgets(workspaceId) {
      const rows = await widgets()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toWidget)
    },
  }
}
