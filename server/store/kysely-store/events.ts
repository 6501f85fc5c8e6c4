import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { Store } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'
import { toEvent, toJson } from './rows.ts'

export function eventMethods(db: Kysely<Database>): Pick<Store, 'addEvent' | 'listEvents'> {
  return {
    async addEvent(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        conversation_id: input.conversationId,
        type: input.type,
        actor_kind: input.actorKind,
        actor_id: input.actorId,
        data: toJson(input.data ?? {}),
        created_at: input.now,
      }
      await mapConstraintErrors(db.insertInto('conversation_events').values(row).execute(), {
        notFound: 'conversation not found',
      })
      return toEvent(row)
    },

    async listEvents(workspaceId, conversationId) {
      const rows = await db
        .selectFrom('conversation_events')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toEvent)
    },
  }
}
