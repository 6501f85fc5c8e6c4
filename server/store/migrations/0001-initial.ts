import { type Kysely, sql } from 'kysely'

/**
 * The whole data model (issue "Server core"). Portable to SQLite and PostgreSQL: text ids and
 * JSON-as-text, bigint times and sequence numbers.
 *
 * Tenant references are composite foreign keys (workspace_id, x_id) → x(workspace_id, id), so the
 * database itself refuses a row that points at another workspace's line, visitor or operator.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('operators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('avatar_url', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('operators_workspace_id_id_key', ['workspace_id', 'id'])
    .execute()

  await db.schema
    .createTable('lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('lines_workspace_id_id_key', ['workspace_id', 'id'])
    .execute()

  await db.schema
    .createTable('widgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_slug', 'text', (c) => c.notNull().unique())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('allowed_origins', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('widgets_workspace_id_id_key', ['workspace_id', 'id'])
    .addForeignKeyConstraint('widgets_line_fkey', ['workspace_id', 'line_id'], 'lines', [
      'workspace_id',
      'id',
    ])
    .execute()

  await db.schema
    .createTable('visitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('widget_id', 'text')
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('visitors_workspace_id_id_key', ['workspace_id', 'id'])
    .addForeignKeyConstraint('visitors_widget_fkey', ['workspace_id', 'widget_id'], 'widgets', [
      'workspace_id',
      'id',
    ])
    .execute()

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('widget_id', 'text')
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('visitor_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('operator_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addUniqueConstraint('conversations_workspace_id_id_key', ['workspace_id', 'id'])
    .addForeignKeyConstraint('conversations_line_fkey', ['workspace_id', 'line_id'], 'lines', [
      'workspace_id',
      'id',
    ])
    .addForeignKeyConstraint('conversations_widget_fkey', ['workspace_id', 'widget_id'], 'widgets', [
      'workspace_id',
      'id',
    ])
    .addForeignKeyConstraint('conversations_visitor_fkey', ['workspace_id', 'visitor_id'], 'visitors', [
      'workspace_id',
      'id',
    ])
    .addForeignKeyConstraint('conversations_assignee_fkey', ['workspace_id', 'assignee_id'], 'operators', [
      'workspace_id',
      'id',
    ])
    .execute()
  // The inbox: a workspace's conversations by status, newest first; and a visitor's conversations.
  await db.schema
    .createIndex('conversations_inbox_idx')
    .on('conversations')
    .columns(['workspace_id', 'status', 'updated_at'])
    .execute()
  await db.schema
    .createIndex('conversations_visitor_idx')
    .on('conversations')
    .columns(['workspace_id', 'visitor_id'])
    .execute()

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('author_avatar_url', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint(
      'messages_conversation_fkey',
      ['workspace_id', 'conversation_id'],
      'conversations',
      ['workspace_id', 'id'],
    )
    .execute()
  await db.schema
    .createIndex('messages_conversation_seq_key')
    .on('messages')
    .columns(['conversation_id', 'seq'])
    .unique()
    .execute()
  // Idempotent resends: a client id is unique per author. System messages have no author, so
  // theirs are unique per conversation instead (NULLs never collide in a unique index).
  await db.schema
    .createIndex('messages_author_client_key')
    .on('messages')
    .columns(['workspace_id', 'author_id', 'client_id'])
    .unique()
    .where(sql.ref('author_id'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('messages_system_client_key')
    .on('messages')
    .columns(['conversation_id', 'client_id'])
    .unique()
    .where(sql.ref('author_id'), 'is', null)
    .execute()

  await db.schema
    .createTable('conversation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint(
      'conversation_events_conversation_fkey',
      ['workspace_id', 'conversation_id'],
      'conversations',
      ['workspace_id', 'id'],
    )
    .execute()
  await db.schema
    .createIndex('conversation_events_conversation_idx')
    .on('conversation_events')
    .columns(['conversation_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('sessions_operator_fkey', ['workspace_id', 'operator_id'], 'operators', [
      'workspace_id',
      'id',
    ])
    .execute()
  await db.schema.createIndex('sessions_expires_at_idx').on('sessions').column('expires_at').execute()
}
