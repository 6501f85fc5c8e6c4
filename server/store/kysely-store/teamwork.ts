import { type Kysely, sql, type UpdateObject } from 'kysely'
import type { Database } from '../database.ts'
import type { CloseReason, Rating, RatingValue, Store } from '../types.ts'
import { StoreError } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'
import { insertChatFollowUpEvent } from './outbox-events.ts'
import { toConversation } from './rows.ts'

type TeamworkMethods = Pick<
  Store,
  | 'addParticipant'
  | 'participantsOf'
  | 'transferConversation'
  | 'rateConversation'
  | 'ratingsOf'
  | 'getConversationKpis'
>

function toRating(r: { rating: string | null; rating_comment: string | null; rated_at: number | null }) {
  if (r.rating === null || r.rated_at === null) return null
  return { value: r.rating as RatingValue, comment: r.rating_comment, ratedAt: r.rated_at } satisfies Rating
}

/** Participants, transfers, ratings and KPIs (issue "Open lines", items 4, 5, 7). */
export function teamworkMethods(db: Kysely<Database>): TeamworkMethods {
  return {
    async addParticipant(input) {
      const inserted = await mapConstraintErrors(
        db
          .insertInto('conversation_participants')
          .values({
            workspace_id: input.workspaceId,
            conversation_id: input.conversationId,
            operator_id: input.operatorId,
            invited_by: input.invitedBy,
            created_at: input.now,
          })
          .onConflict((oc) => oc.columns(['conversation_id', 'operator_id']).doNothing())
          .returning('operator_id')
          .executeTakeFirst(),
        { notFound: 'conversation or operator not found' },
      )
      return inserted !== undefined
    },

    async participantsOf(workspaceId, conversationIds) {
      const result = new Map<string, string[]>()
      if (conversationIds.length === 0) return result
      const rows = await db
        .selectFrom('conversation_participants')
        .select(['conversation_id', 'operator_id'])
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', 'in', conversationIds)
        .orderBy('created_at')
        .orderBy('operator_id')
        .execute()
      for (const row of rows) {
        const list = result.get(row.conversation_id) ?? []
        list.push(row.operator_id)
        result.set(row.conversation_id, list)
      }
      return result
    },

    async transferConversation({ workspaceId, conversationId, fromAssigneeId, to, now }) {
      const set: UpdateObject<Database, 'conversations'> = {
        updated_at: now,
        transfers: sql<number>`transfers + 1`,
      }
      if ('operatorId' in to) {
        set.assignee_id = to.operatorId
        set.assigned_at = now
        set.first_assigned_at = sql<number>`coalesce(first_assigned_at, ${now})`
      } else {
        set.line_id = to.lineId
        set.assignee_id = null
        set.assigned_at = null
      }
      let q = db
        .updateTable('conversations')
        .set(set)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', conversationId)
        .where('status', '=', 'open')
      q =
        fromAssigneeId === null
          ? q.where('assignee_id', 'is', null)
          : q.where('assignee_id', '=', fromAssigneeId)
      // issue 6: the transfer's outbox event (responsible person in the CRM) in the same transaction
      const row = await mapConstraintErrors(
        db.transaction().execute(async (trx) => {
          const updated = await trx.executeQuery(q.returningAll().compile()).then((r) => r.rows[0])
          if (updated) {
            const event = { workspaceId, conversationId, now, topic: 'conversation.transferred' as const }
            await insertChatFollowUpEvent(trx, event)
          }
          return updated
        }),
        { notFound: 'operator or line not found' },
      )
      return row && toConversation(row)
    },

    async rateConversation(input) {
      const row = await db
        .updateTable('conversations')
        .set({ rating: input.rating, rating_comment: input.comment, rated_at: input.now })
        .where('workspace_id', '=', input.workspaceId)
        .where('id', '=', input.conversationId)
        .where('status', '=', 'closed')
        .where('closed_at', '>=', input.notClosedBefore)
        .returningAll()
        .executeTakeFirst()
      return row && toConversation(row)
    },

    async ratingsOf(workspaceId, conversationIds) {
      const result = new Map<string, Rating>()
      if (conversationIds.length === 0) return result
      const rows = await db
        .selectFrom('conversations')
        .select(['id', 'rating', 'rating_comment', 'rated_at'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', conversationIds)
        .where('rating', 'is not', null)
        .execute()
      for (const row of rows) {
        const rating = toRating(row)
        if (rating) result.set(row.id, rating)
      }
      return result
    },

    async getConversationKpis(workspaceId, conversationId) {
      const r = await db
        .selectFrom('conversations')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', conversationId)
        .executeTakeFirst()
      if (!r) return undefined
      return {
        waitMs: r.first_assigned_at === null ? null : Math.max(0, r.first_assigned_at - r.created_at),
        firstAnswerMs:
          r.first_visitor_message_at === null || r.first_operator_message_at === null
            ? null
            : Math.max(0, r.first_operator_message_at - r.first_visitor_message_at),
        transfers: Number(r.transfers),
        closeReason: r.close_reason as CloseReason | null,
        rating: toRating(r),
        startedInsideWorkingHours:
          r.started_inside_working_hours === null ? null : Number(r.started_inside_working_hours) === 1,
      }
    },
  }
}

export function assertFound<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new StoreError('not_found', `${what} not found`)
  return value
}
