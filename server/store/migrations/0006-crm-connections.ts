import type { Kysely } from 'kysely'

/**
 * CRM connections (issue "Leads to CRM through a durable outbox", items 5 and 6). The connection
 * settings, secrets included, are one JSON text column validated by `crmConnectionSchema` when
 * read: the kinds differ in their fields, and the relay needs the whole object at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('connection', 'text', (c) => c.notNull())
    .addColumn('field_map', 'text', (c) => c.notNull())
    .addColumn('user_map', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('crm_connections_workspace_fkey', ['workspace_id'], 'workspaces', ['id'])
    // Composite key target, so other tables (outbox deliveries) can reference a connection within its workspace.
    .addUniqueConstraint('crm_connections_workspace_id_key', ['workspace_id', 'id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('crm_connections').execute()
}
