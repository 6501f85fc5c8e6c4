import { type Kysely, sql } from 'kysely'
import type { Database } from '../database.ts'
import type { Store } from '../types.ts'
import { insertChatFollowUpEvent } from './outbox-events.ts'
import { toConversation } from './rows.ts'

type RoutingMethods = Pick<
  Store,
  'assignIfUnassigned' | 'listWaitingConversations' | 'latestAssignees' | 'operatorLoads'
>

/** The conversation side of routing (issue "Open lines"): the queue, loads, and the one assignment. */
export function routingMethods(db: Kysely<Database>): RoutingMethods {
  return {
    async assignIfUnassigned(workspaceId, conversationId, operatorId, now) {
      // One conditional statement: whichever node's write lands first wins; the others match no row.
      const update = db
        .updateTable('conversations')
        .set({
          assignee_id: operatorId,
          assigned_at: now,
          updated_at: now,
          first_assigned_at: sql<number>`coalesce(first_assigned_at, ${now})`,
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', conversationId)
        .where('assignee_id', 'is', null)
        .where('status', '=', 'open')
        .returningAll()
      // issue 6: a chat that is already a lead gets its CRM responsible person from this first
      // assignment; the outbox event is written in the assignment's transaction (as transfers do)
      const row = await db.transaction().execute(async (trx) => {
        const updated = await trx.executeQuery(update.compile()).then((r) => r.rows[0])
        if (updated) {
          await insertChatFollowUpEvent(trx, {
            workspaceId,
            conversationId,
            now,
            topic: 'conversation.assigned',
          })
        }
        return updated
      })
      return row && toConversation(row)
    },

    async listWaitingConversations(workspaceId, lineId) {
      const rows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('line_id', '=', lineId)
        .where('status', '=', 'open')
        .where('assignee_id', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map(toConversation)
    },

    async latestAssignees(workspaceId, lineId, visitorIds) {
      const out = new Map<string, string>()
      if (visitorIds.length === 0) return out
      const rows = await db
        .selectFrom('conversations')
        .select(['visitor_id', 'assignee_id'])
        .where('workspace_id', '=', workspaceId)
        .where('line_id', '=', lineId)
        .where('visitor_id', 'in', visitorIds)
        .where('assignee_id', 'is not', null)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
      for (const row of rows) {
        if (row.assignee_id !== null && !out.has(row.visitor_id)) out.set(row.visitor_id, row.assignee_id)
      }
      return out
    },

    async operatorLoads(workspaceId, operatorIds) {
      if (operatorIds.length === 0) return []
      const rows = await db
        .selectFrom('conversations')
        .select((eb) => [
          'assignee_id',
          eb.fn.sum<number | string>(sql<number>`case when status = 'open' then 1 else 0 end`).as('active'),
          eb.fn.max('assigned_at').as('last_assigned_at'),
        ])
        .where('workspace_id', '=', workspaceId)
        .where('assignee_id', 'in', operatorIds)
        .groupBy('assignee_id')
        .execute()
      const byId = new Map(rows.map((r) => [r.assignee_id, r]))
      return operatorIds.map((operatorId) => {
        const row = byId.get(operatorId)
        const last = row?.last_assigned_at
        return {
          operatorId,
          activeChats: Number(row?.active ?? 0),
          lastAssignedAt: last === null || last === undefined ? null : Number(last),
        }
      })
    },
  }
}
