import { type Kysely, sql, type UpdateObject } from 'kysely'
import type { Database } from '../database.ts'
import { type Store, StoreError } from '../types.ts'
import { mapConstraintErrors } from './constraints.ts'
import { insertChatFollowUpEvent, insertChatLeadEvents } from './outbox-events.ts'
import { toConversation } from './rows.ts'

type ConversationMethods = Pick<
  Store,
  | 'createConversation'
  | 'getConversation'
  | 'findOpenConversation'
  | 'listConversations'
  | 'updateConversation'
  | 'markRead'
  | 'listRecentOpenConversations'
>

const DEFAULT_LIST_LIMIT = 50
const MAX_LIST_LIMIT = 200
const MAX_RECENT_OPEN = 5000

export function listLimit(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_LIST_LIMIT
  return Math.min(Math.max(1, Math.floor(requested)), MAX_LIST_LIMIT)
}

export function conversationMethods(db: Kysely<Database>): ConversationMethods {
  const scoped = (workspaceId: string) =>
    db.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId)

  return {
    async createConversation(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        line_id: input.lineId,
        widget_id: input.widgetId,
        visitor_id: input.visitorId,
        status: 'open',
        assignee_id: null,
        last_seq: 0,
        visitor_read_seq: 0,
        operator_read_seq: 0,
        created_at: input.now,
        updated_at: input.now,
        closed_at: null,
        assigned_at: null,
        last_note_seq: 0,
        transfers: 0,
        first_assigned_at: null,
        first_visitor_message_at: null,
        first_operator_message_at: null,
        close_reason: null,
        started_inside_working_hours:
          input.startedInsideWorkingHours == null ? null : input.startedInsideWorkingHours ? 1 : 0,
        rating: null,
        rating_comment: null,
        rated_at: null,
      }
      // issue 6: a visitor whose contact is already known makes this chat a lead, in the same transaction
      await mapConstraintErrors(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('conversations').values(row).execute()
          await insertChatLeadEvents(trx, {
            workspaceId: input.workspaceId,
            visitorId: input.visitorId,
            now: input.now,
          })
        }),
        { notFound: 'line, widget or visitor not found' },
      )
      return toConversation(row)
    },

    async getConversation(workspaceId, id) {
      const row = await scoped(workspaceId).where('id', '=', id).executeTakeFirst()
      return row && toConversation(row)
    },

    async findOpenConversation(workspaceId, visitorId) {
      const row = await scoped(workspaceId)
        .where('visitor_id', '=', visitorId)
        .where('status', '=', 'open')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      return row && toConversation(row)
    },

    async listConversations(workspaceId, query = {}) {
      let q = scoped(workspaceId)
      if (query.status !== undefined) q = q.where('status', '=', query.status)
      if (query.assigneeId === null) q = q.where('assignee_id', 'is', null)
      else if (query.assigneeId !== undefined) q = q.where('assignee_id', '=', query.assigneeId)
      if (query.visitorId !== undefined) q = q.where('visitor_id', '=', query.visitorId)
      const rows = await q
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(listLimit(query.limit))
        .execute()
      return rows.map(toConversation)
    },

    async listRecentOpenConversations({ updatedSince, limit }) {
      const rows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('status', '=', 'open')
        .where('updated_at', '>=', updatedSince)
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.min(Math.max(1, Math.floor(limit)), MAX_RECENT_OPEN))
        .execute()
      return rows.map(toConversation)
    },

    async updateConversation(workspaceId, id, patch) {
      const set: UpdateObject<Database, 'conversations'> = { updated_at: patch.now }
      if (patch.status !== undefined) set.status = patch.status
      if (patch.assigneeId !== undefined) {
        set.assignee_id = patch.assigneeId
        set.assigned_at = patch.assigneeId === null ? null : patch.now
        if (patch.assigneeId !== null)
          set.first_assigned_at = sql<number>`coalesce(first_assigned_at, ${patch.now})`
      }
      if (patch.closedAt !== undefined) set.closed_at = patch.closedAt
      if (patch.closeReason !== undefined) set.close_reason = patch.closeReason
      // issue 6: a close writes its `conversation.closed` outbox event in the same transaction
      const row = await mapConstraintErrors(
        db.transaction().execute(async (trx) => {
          const updated = await trx
            .updateTable('conversations')
            .set(set)
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst()
          if (updated && patch.status === 'closed') {
            const event = { workspaceId, conversationId: id, now: patch.now }
            await insertChatFollowUpEvent(trx, { ...event, topic: 'conversation.closed' })
          }
          return updated
        }),
        { notFound: 'assignee not found' },
      )
      if (!row) throw new StoreError('not_found', 'conversation not found')
      return toConversation(row)
    },

    async markRead(workspaceId, conversationId, reader, seq) {
      const column = reader === 'visitor' ? 'visitor_read_seq' : 'operator_read_seq'
      const target = Math.floor(seq)
      // One statement, so concurrent read receipts can never lower the mark: keep the current
      // value when it is already as high, otherwise raise it to min(seq, last_seq).
      const raised = sql<number>`case
        when ${target} <= ${sql.ref(column)} or last_seq <= ${sql.ref(column)} then ${sql.ref(column)}
        when ${target} <= last_seq then ${target}
        else last_seq end`
      const row = await db
        .updateTable('conversations')
        .set(column, raised)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', conversationId)
        .returningAll()
        .executeTakeFirst()
      if (!row) throw new StoreError('not_found', 'conversation not found')
      return toConversation(row)
    },
  }
}
