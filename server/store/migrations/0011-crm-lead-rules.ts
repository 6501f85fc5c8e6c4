import type { Kysely } from 'kysely'

/**
 * Lead rules per CRM connection (issue 6, item 1): one JSON text column read through
 * `leadRulesSchema`. Nullable, and null reads as the defaults (every source, line and widget;
 * recognised clients attached), so connections made before this keep their behaviour.
 *
 * The delivery log is filtered by subject (a conversation's CRM status in the console, issue 6
 * item 2): the workspace index serves that look-up too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('crm_connections').addColumn('lead_rules', 'text').execute()
  await db.schema
    .createIndex('crm_deliveries_workspace_subject_idx')
    .on('crm_deliveries')
    .columns(['workspace_id', 'subject_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('crm_deliveries_workspace_subject_idx').execute()
  await db.schema.alterTable('crm_connections').dropColumn('lead_rules').execute()
}
