import type { Kysely } from 'kysely'

/**
 * Operator teamwork, rating and KPIs (issue "Open lines", items 4, 5 and 7).
 *
 * Hidden notes get their own table and their own counter (`conversations.last_note_seq`) rather than
 * a visibility flag on `messages`: every path that reaches a visitor (bus channel, sync, previews,
 * HTTP) reads `messages`, so a note cannot leak through any of them, and the visitor's `seq` stays
 * gap-free. KPIs and the rating are columns of `conversations`, written by the same statements that
 * assign, append and close, so they can never disagree with what happened.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversation_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('author_avatar_url', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('conversation_notes_seq_key', ['conversation_id', 'seq'])
    .addUniqueConstraint('conversation_notes_client_key', ['author_id', 'client_id'])
    .addForeignKeyConstraint(
      'conversation_notes_conversation_fkey',
      ['workspace_id', 'conversation_id'],
      'conversations',
      ['workspace_id', 'id'],
    )
    .addForeignKeyConstraint('conversation_notes_author_fkey', ['workspace_id', 'author_id'], 'operators', [
      'workspace_id',
      'id',
    ])
    .execute()

  await db.schema
    .createTable('conversation_participants')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_participants_pkey', ['conversation_id', 'operator_id'])
    .addForeignKeyConstraint(
      'conversation_participants_conversation_fkey',
      ['workspace_id', 'conversation_id'],
      'conversations',
      ['workspace_id', 'id'],
    )
    .addForeignKeyConstraint(
      'conversation_participants_operator_fkey',
      ['workspace_id', 'operator_id'],
      'operators',
      ['workspace_id', 'id'],
    )
    .execute()
  await db.schema
    .createIndex('conversation_participants_operator_idx')
    .on('conversation_participants')
    .columns(['workspace_id', 'operator_id'])
    .execute()

  await db.schema
    .createTable('quick_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    // workspace | personal; personal answers belong to owner_id
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('quick_answers_workspace_fkey', ['workspace_id'], 'workspaces', ['id'])
    .addForeignKeyConstraint('quick_answers_owner_fkey', ['workspace_id', 'owner_id'], 'operators', [
      'workspace_id',
      'id',
    ])
    .execute()
  await db.schema
    .createIndex('quick_answers_workspace_idx')
    .on('quick_answers')
    .column('workspace_id')
    .execute()

  // SQLite adds one column per ALTER TABLE.
  const columns: [string, 'bigint' | 'integer' | 'text', boolean][] = [
    ['last_note_seq', 'bigint', true],
    ['transfers', 'integer', true],
    ['first_assigned_at', 'bigint', false],
    ['first_visitor_message_at', 'bigint', false],
    ['first_operator_message_at', 'bigint', false],
    ['close_reason', 'text', false],
    ['started_inside_working_hours', 'integer', false],
    ['rating', 'text', false],
    ['rating_comment', 'text', false],
    ['rated_at', 'bigint', false],
  ]
  for (const [name, type, counter] of columns) {
    await db.schema
      .alterTable('conversations')
      .addColumn(name, type, (c) => (counter ? c.notNull().defaultTo(0) : c))
      .execute()
  }
}
