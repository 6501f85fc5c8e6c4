import type { Kysely } from 'kysely'

/**
 * The transactional outbox (issue 6, item 2). `outbox_events` is written in the same transaction as
 * what caused it (a chat getting contact data, a close, a transfer, a callback, a form); the relay
 * expands each event into one `crm_deliveries` row per enabled CRM connection and keeps every retry's
 * state there, so a restart or another node picks up where the last one stopped.
 * `crm_contact_links` remembers which CRM record a contact (phone, e-mail, identified id) maps to per
 * connection, so a recognised client gets a note instead of a second lead (issue 6, item 1).
 * No foreign key to the CRM connections table: that table arrives in a later migration (0006).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // lead.* events are written at most once per subject; other topics leave it null (no dedupe)
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // null until the relay has made the deliveries of this event
    .addColumn('expanded_at', 'bigint')
    .addForeignKeyConstraint('outbox_events_workspace_fkey', ['workspace_id'], 'workspaces', ['id'])
    .execute()
  await db.schema
    .createIndex('outbox_events_pending_idx')
    .on('outbox_events')
    .columns(['expanded_at', 'created_at'])
    .execute()

  await db.schema
    .createTable('crm_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // pending | delivered | dead
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint')
    // the retry schedule (~3 days) counts from here: creation, or the last replay
    .addColumn('retry_from', 'bigint', (c) => c.notNull())
    // a node's claim: while lease_until is in the future nobody else touches the row
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    // 1 when the last failure may have reached the CRM: look it up before sending again (item 3)
    .addColumn('ambiguous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('crm_id', 'text')
    .addColumn('delivered_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('crm_deliveries_event_connection_key', ['event_id', 'connection_id'])
    .addForeignKeyConstraint('crm_deliveries_event_fkey', ['event_id'], 'outbox_events', ['id'])
    .execute()
  await db.schema
    .createIndex('crm_deliveries_due_idx')
    .on('crm_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute()
  await db.schema
    .createIndex('crm_deliveries_subject_idx')
    .on('crm_deliveries')
    .columns(['connection_id', 'subject_id'])
    .execute()
  await db.schema
    .createIndex('crm_deliveries_workspace_idx')
    .on('crm_deliveries')
    .columns(['workspace_id', 'status', 'created_at'])
    .execute()

  await db.schema
    .createTable('crm_contact_links')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    // phone:+79991234567 | email:a@b.c | ext:<identified id>
    .addColumn('contact_key', 'text', (c) => c.notNull())
    .addColumn('crm_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('crm_contact_links_pkey', ['connection_id', 'contact_key'])
    .execute()
}
