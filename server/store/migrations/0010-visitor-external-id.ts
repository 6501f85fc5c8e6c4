import type { Kysely } from 'kysely'

/**
 * Identified visitors (issue 6 item 1, issue 5 item 8): `Openline('identify', { id })` stores the
 * business's own user id on the visitor, so a lead is recognised by it across chat, callback and
 * form. The index serves look-ups of a workspace's visitors by that id.
 *
 * The per-widget identity secret (HMAC key for `userHash`) lives in a table of its own rather than
 * on `widgets`, so no `selectAll()` of widgets — which feeds the public widget config — can ever
 * carry it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('visitors').addColumn('external_id', 'text').execute()
  await db.schema
    .createIndex('visitors_external_id_idx')
    .on('visitors')
    .columns(['workspace_id', 'external_id'])
    .execute()
  await db.schema
    .createTable('widget_identity_secrets')
    .addColumn('widget_id', 'text', (c) => c.primaryKey().references('widgets.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
}
