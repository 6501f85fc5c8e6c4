import type { Kysely, Updateable } from 'kysely'
import type { Database, VisitorsTable } from '../database.ts'
import { type Store, StoreError } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'
import { insertChatLeadEvents } from './outbox-events.ts'
import { toJson, toVisitor } from './rows.ts'

export function visitorMethods(
  db: Kysely<Database>,
): Pick<Store, 'createVisitor' | 'getVisitor' | 'updateVisitor'> {
  const get: Store['getVisitor'] = async (workspaceId, id) => {
    const row = await db
      .selectFrom('visitors')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst()
    return row && toVisitor(row)
  }

  return {
    async createVisitor(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        widget_id: input.widgetId,
        name: null,
        email: null,
        phone: null,
        external_id: null,
        context: toJson(input.context ?? {}),
        created_at: input.now,
        last_seen_at: input.now,
      }
      await mapConstraintErrors(db.insertInto('visitors').values(row).execute(), {
        notFound: 'workspace or widget not found',
      })
      return toVisitor(row)
    },

    getVisitor: get,

    async updateVisitor(workspaceId, id, patch) {
      const set: Updateable<VisitorsTable> = {}
      if (patch.name !== undefined) set.name = patch.name
      if (patch.email !== undefined) set.email = patch.email
      if (patch.phone !== undefined) set.phone = patch.phone
      if (patch.externalId !== undefined) set.external_id = patch.externalId
      if (patch.context !== undefined) set.context = toJson(patch.context)
      if (patch.lastSeenAt !== undefined) set.last_seen_at = patch.lastSeenAt
      const row =
        Object.keys(set).length === 0
          ? await get(workspaceId, id)
          : // issue 6: contact data makes the visitor's open chats leads, in the same transaction
            await db.transaction().execute(async (trx) => {
              const updated = await trx
                .updateTable('visitors')
                .set(set)
                .where('workspace_id', '=', workspaceId)
                .where('id', '=', id)
                .returningAll()
                .executeTakeFirst()
              if (updated && (patch.email || patch.phone || patch.externalId)) {
                const now = patch.lastSeenAt ?? Date.now()
                await insertChatLeadEvents(trx, { workspaceId, visitorId: id, now })
              }
              return updated && toVisitor(updated)
            })
      if (!row) throw new StoreError('not_found', 'visitor not found')
      return row
    },
  }
}
