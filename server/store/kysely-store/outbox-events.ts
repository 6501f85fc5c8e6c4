import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../database.ts'

/** Contract C1 (issue 6, item 2): what may cause a CRM delivery. */
export type OutboxTopic =
  | 'lead.chat'
  | 'lead.callback'
  | 'lead.form'
  | 'conversation.closed'
  | 'conversation.transferred'
  /** The first assignment of a chat that already became a lead (routing or an operator's reply). */
  | 'conversation.assigned'

export const OUTBOX_TOPICS: readonly OutboxTopic[] = [
  'lead.chat',
  'lead.callback',
  'lead.form',
  'conversation.closed',
  'conversation.transferred',
  'conversation.assigned',
]

/**
 * Writes one outbox event. Call it INSIDE the transaction that stores what caused it (issue 6:
 * "Outbox rows are written in the same transaction as what caused them"), so the event exists if and
 * only if the cause was committed. `lead.*` events are idempotent per subject — calling it again for
 * the same chat/callback/form is a no-op — so callers need not check whether a lead was already made.
 */
export async function insertOutboxEvent(
  db: Kysely<Database> | Transaction<Database>,
  event: { workspaceId: string; topic: OutboxTopic; subjectId: string; now: number },
): Promise<void> {
  const dedupeKey = event.topic.startsWith('lead.')
    ? `${event.workspaceId}:${event.topic}:${event.subjectId}`
    : null
  await db
    .insertInto('outbox_events')
    .values({
      id: crypto.randomUUID(),
      workspace_id: event.workspaceId,
      topic: event.topic,
      subject_id: event.subjectId,
      dedupe_key: dedupeKey,
      created_at: event.now,
      expanded_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute()
}

type Db = Kysely<Database> | Transaction<Database>

/**
 * Issue 6, item 1: a chat becomes a lead once contact data is known (the pre-chat form or
 * `identify` filled the visitor's e-mail, phone or identified id, or an operator the visitor card). Called in the
 * transaction that creates a conversation or updates a visitor; writes `lead.chat` for each of the
 * visitor's open conversations (idempotent per conversation).
 */
export async function insertChatLeadEvents(
  db: Db,
  input: { workspaceId: string; visitorId: string; now: number },
): Promise<void> {
  const visitor = await db
    .selectFrom('visitors')
    .select(['email', 'phone', 'external_id'])
    .where('workspace_id', '=', input.workspaceId)
    .where('id', '=', input.visitorId)
    .executeTakeFirst()
  // An identified id (`Openline('identify', { id })`, migration 0010) is contact data too: the
  // business knows who the visitor is (lead rules, server/leads/lead-rules.ts `hasContactData`).
  if (!visitor || !(visitor.email?.trim() || visitor.phone?.trim() || visitor.external_id?.trim())) return
  const open = await db
    .selectFrom('conversations')
    .select('id')
    .where('workspace_id', '=', input.workspaceId)
    .where('visitor_id', '=', input.visitorId)
    .where('status', '=', 'open')
    .execute()
  for (const { id } of open) {
    await insertOutboxEvent(db, {
      workspaceId: input.workspaceId,
      topic: 'lead.chat',
      subjectId: id,
      now: input.now,
    })
  }
}

/**
 * A close, a transfer or a first assignment only matters to the CRM for a chat that became a lead:
 * written in the close's/transfer's/assignment's transaction, and only when that chat's `lead.chat`
 * event exists. (A lead made after the assignment already carries the responsible person; this
 * event covers a lead that existed before it — issue 6, item 1.)
 */
export async function insertChatFollowUpEvent(
  db: Db,
  event: {
    workspaceId: string
    topic: 'conversation.closed' | 'conversation.transferred' | 'conversation.assigned'
    conversationId: string
    now: number
  },
): Promise<void> {
  const lead = await db
    .selectFrom('outbox_events')
    .select('id')
    .where('dedupe_key', '=', `${event.workspaceId}:lead.chat:${event.conversationId}`)
    .executeTakeFirst()
  if (!lead) return
  await insertOutboxEvent(db, {
    workspaceId: event.workspaceId,
    topic: event.topic,
    subjectId: event.conversationId,
    now: event.now,
  })
}
