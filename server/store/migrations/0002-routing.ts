import { type Kysely, sql } from 'kysely'

/**
 * Routing state shared by every node (issue "Open lines"): operator presence (so any node can
 * tell who is available), the open offers of waiting conversations (unique per conversation and
 * operator, so two nodes routing the same line at once write each offer once), and when each
 * conversation was assigned (the `evenly` tie-break "longest since the last assignment").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('operator_presence')
    .addColumn('operator_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint(
      'operator_presence_operator_fkey',
      ['workspace_id', 'operator_id'],
      'operators',
      ['workspace_id', 'id'],
    )
    .execute()
  await db.schema
    .createIndex('operator_presence_workspace_idx')
    .on('operator_presence')
    .column('workspace_id')
    .execute()

  await db.schema
    .createTable('conversation_offers')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    // open | withdrawn | skipped
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('offered_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    // Offers withdrawn without an answer (expired, operator gone): `in-order` comes round to them last.
    .addColumn('misses', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('conversation_offers_pkey', ['conversation_id', 'operator_id'])
    .addForeignKeyConstraint(
      'conversation_offers_conversation_fkey',
      ['workspace_id', 'conversation_id'],
      'conversations',
      ['workspace_id', 'id'],
    )
    .addForeignKeyConstraint(
      'conversation_offers_operator_fkey',
      ['workspace_id', 'operator_id'],
      'operators',
      ['workspace_id', 'id'],
    )
    .execute()
  await db.schema
    .createIndex('conversation_offers_line_idx')
    .on('conversation_offers')
    .columns(['workspace_id', 'line_id'])
    .execute()

  await db.schema.alterTable('conversations').addColumn('assigned_at', 'bigint').execute()
  // The line's queue (open and unassigned) and an operator's load (open conversations assigned to them).
  await db.schema
    .createIndex('conversations_waiting_idx')
    .on('conversations')
    .columns(['workspace_id', 'line_id', 'status'])
    .where(sql.ref('assignee_id'), 'is', null)
    .execute()
  await db.schema
    .createIndex('conversations_assignee_idx')
    .on('conversations')
    .columns(['workspace_id', 'assignee_id', 'status'])
    .execute()
}
