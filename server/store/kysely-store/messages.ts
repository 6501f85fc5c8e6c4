import { type Kysely, sql } from 'kysely'
import type { Database } from '../database.ts'
import { isUniqueViolation } from '../db-errors.ts'
import { type AppendResult, type Message, type NewMessage, type Store, StoreError } from '../types.ts'
import { linkAttachments } from './attachments.ts'
import { toMessage } from './rows.ts'

const DEFAULT_MESSAGE_LIMIT = 500

/** The stored message that makes `input` a resend: same author and client id (see the unique indexes). */
async function findByClientId(db: Kysely<Database>, input: NewMessage): Promise<Message | undefined> {
  const base = db
    .selectFrom('messages')
    .selectAll()
    .where('workspace_id', '=', input.workspaceId)
    .where('client_id', '=', input.clientId)
  const scoped =
    input.authorId === null
      ? base.where('author_id', 'is', null).where('conversation_id', '=', input.conversationId)
      : base.where('author_id', '=', input.authorId)
  const row = await scoped.executeTakeFirst()
  return row && toMessage(row)
}

async function appendInTransaction(trx: Kysely<Database>, input: NewMessage): Promise<AppendResult> {
  const existing = await findByClientId(trx, input)
  if (existing) return { message: existing, duplicate: true }
  // The increment takes the conversation's row lock on PostgreSQL, serialising concurrent appends
  // so sequence numbers are unique and gap-free (a rolled-back append releases its number too).
  const bumped = await trx
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: input.now, ...kpiMarks(input) }))
    .where('workspace_id', '=', input.workspaceId)
    .where('id', '=', input.conversationId)
    .returning('last_seq')
    .executeTakeFirst()
  if (!bumped) throw new StoreError('not_found', 'conversation not found')
  const id = crypto.randomUUID()
  // issue 5, item 4: the author's uploads move to this message in the same transaction.
  const attachments =
    input.attachmentIds?.length && input.authorId && input.authorKind !== 'system'
      ? await linkAttachments(trx, {
          workspaceId: input.workspaceId,
          conversationId: input.conversationId,
          messageId: id,
          uploaderKind: input.authorKind,
          uploaderId: input.authorId,
          ids: input.attachmentIds,
        })
      : []
  const row = {
    id,
    workspace_id: input.workspaceId,
    conversation_id: input.conversationId,
    seq: bumped.last_seq,
    client_id: input.clientId,
    author_kind: input.authorKind,
    author_id: input.authorId,
    author_name: input.authorName,
    author_avatar_url: input.authorAvatarUrl ?? null,
    body: input.body,
    created_at: input.now,
    attachments: attachments.length > 0 ? JSON.stringify(attachments) : null,
  }
  await trx.insertInto('messages').values(row).execute()
  return { message: toMessage(row), duplicate: false }
}

/**
 * KPI marks written by the append itself (issue "Open lines", item 7): the first visitor message,
 * and the first operator message after it (a greeting before the visitor wrote is not an answer).
 */
function kpiMarks(input: NewMessage) {
  if (input.authorKind === 'visitor') {
    return { first_visitor_message_at: sql<number>`coalesce(first_visitor_message_at, ${input.now})` }
  }
  if (input.authorKind === 'operator') {
    return {
      first_operator_message_at: sql<number | null>`case when first_visitor_message_at is null
        then first_operator_message_at else coalesce(first_operator_message_at, ${input.now}) end`,
    }
  }
  return {}
}

export function messageMethods(
  db: Kysely<Database>,
): Pick<Store, 'appendMessage' | 'listMessages' | 'lastMessages'> {
  return {
    async appendMessage(input) {
      try {
        return await db.transaction().execute((trx) => appendInTransaction(trx, input))
      } catch (error) {
        // Two nodes racing with the same resend: the loser's insert hits the unique index and its
        // transaction (including the seq increment) is rolled back; answer with the winner's row.
        if (!isUniqueViolation(error)) throw error
        const stored = await findByClientId(db, input)
        if (!stored) throw error
        return { message: stored, duplicate: true }
      }
    },

    async listMessages(workspaceId, conversationId, options = {}) {
      const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_MESSAGE_LIMIT))
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', conversationId)
        .where('seq', '>', options.afterSeq ?? 0)
        .orderBy('seq')
        .limit(limit)
        .execute()
      return rows.map(toMessage)
    },

    async lastMessages(workspaceId, conversationIds) {
      const result = new Map<string, Message>()
      if (conversationIds.length === 0) return result
      // Sequence numbers are gap-free, so the newest message is exactly the one at last_seq.
      const rows = await db
        .selectFrom('messages as m')
        .innerJoin('conversations as c', (join) =>
          join.onRef('c.id', '=', 'm.conversation_id').onRef('c.last_seq', '=', 'm.seq'),
        )
        .selectAll('m')
        .where('c.workspace_id', '=', workspaceId)
        .where('c.id', 'in', conversationIds)
        .execute()
      for (const row of rows) result.set(row.conversation_id, toMessage(row))
      return result
    },
  }
}
