import type { Kysely } from 'kysely'

/**
 * Attachments (issue "One button, three ways", item 4). The bytes live in the database (bytea on
 * PostgreSQL, a blob on SQLite — `bytea` has blob affinity there) so every node behind a load
 * balancer serves every file without a shared disk; files are capped at ATTACHMENT_MAX_BYTES.
 *
 * An upload belongs to its uploader until a message carries it: then `conversation_id` and
 * `message_id` are set, in the same transaction as the message, and the conversation's visitor may
 * read it. Messages keep a JSON copy of the attachments' public metadata (`messages.attachments`), so
 * replays and inbox previews need no join.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    // visitor | operator
    .addColumn('uploader_kind', 'text', (c) => c.notNull())
    .addColumn('uploader_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('message_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint(
      'attachments_conversation_fkey',
      ['workspace_id', 'conversation_id'],
      'conversations',
      ['workspace_id', 'id'],
    )
    .execute()
  await db.schema
    .createIndex('attachments_conversation_idx')
    .on('attachments')
    .columns(['workspace_id', 'conversation_id'])
    .execute()

  await db.schema.alterTable('messages').addColumn('attachments', 'text').execute()
}
