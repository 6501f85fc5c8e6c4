import type { Kysely } from 'kysely'

/**
 * Callback requests (issue 5, item 2): a visitor asks to be called back "as soon as possible" or in
 * a slot of the line's schedule; operators work the queue due-soonest-first. Every status change is
 * kept in `callback_events` (who, when, what) rather than as columns, so a reschedule after a
 * missed call does not erase the missed call.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('callbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('widget_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // E.164, normalised by the server (libphonenumber-js)
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    // asap | slot: what the visitor chose; due_at is when to call
    .addColumn('preferred', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    // new | assigned | called | no_answer
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    // the consent text the visitor agreed to, verbatim, and when; null where none was asked
    .addColumn('consent_text', 'text')
    .addColumn('consent_at', 'bigint')
    .addColumn('locale', 'text')
    .addColumn('visitor_time_zone', 'text')
    .addColumn('extra', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('callbacks_workspace_id_id_key', ['workspace_id', 'id'])
    .addForeignKeyConstraint('callbacks_line_fkey', ['workspace_id', 'line_id'], 'lines', [
      'workspace_id',
      'id',
    ])
    .addForeignKeyConstraint('callbacks_widget_fkey', ['workspace_id', 'widget_id'], 'widgets', [
      'workspace_id',
      'id',
    ])
    .addForeignKeyConstraint('callbacks_visitor_fkey', ['workspace_id', 'visitor_id'], 'visitors', [
      'workspace_id',
      'id',
    ])
    .addForeignKeyConstraint('callbacks_assignee_fkey', ['workspace_id', 'assignee_id'], 'operators', [
      'workspace_id',
      'id',
    ])
    .execute()
  // The queue: a workspace's callbacks by status, due soonest first.
  await db.schema
    .createIndex('callbacks_queue_idx')
    .on('callbacks')
    .columns(['workspace_id', 'status', 'due_at'])
    .execute()

  await db.schema
    .createTable('callback_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('callback_id', 'text', (c) => c.notNull())
    // 1, 2, 3… per callback: the order of changes even within one millisecond
    .addColumn('seq', 'integer', (c) => c.notNull())
    // created | assigned | called | no_answer | rescheduled
    .addColumn('type', 'text', (c) => c.notNull())
    // visitor | operator
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('callback_events_seq_key', ['callback_id', 'seq'])
    .addForeignKeyConstraint('callback_events_callback_fkey', ['workspace_id', 'callback_id'], 'callbacks', [
      'workspace_id',
      'id',
    ])
    .execute()
}
