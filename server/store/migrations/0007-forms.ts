import type { Kysely } from 'kysely'

/**
 * Web forms (issue 5 item 3). A definition is one JSON text column, validated by the admin API
 * (server/forms/definition-schema.ts). Submissions deliberately have no foreign key to `forms`:
 * they are kept when a form is switched off, edited or deleted, and carry the form's name and
 * field labels themselves. Visitor and widget ids are kept as plain references for the same reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('forms_workspace_fkey', ['workspace_id'], 'workspaces', ['id'])
    .execute()
  await db.schema.createIndex('forms_workspace_idx').on('forms').columns(['workspace_id', 'name']).execute()

  await db.schema
    .createTable('form_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_name', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('field_values', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text')
    .addColumn('widget_id', 'text')
    .addColumn('page_url', 'text')
    .addColumn('utm', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('form_submissions_workspace_fkey', ['workspace_id'], 'workspaces', ['id'])
    .execute()
  await db.schema
    .createIndex('form_submissions_workspace_idx')
    .on('form_submissions')
    .columns(['workspace_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('form_submissions_form_idx')
    .on('form_submissions')
    .columns(['workspace_id', 'form_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('form_submissions').execute()
  await db.schema.dropTable('forms').execute()
}
