import type { Kysely, Selectable, Updateable } from 'kysely'
import type { FieldValue, FormDefinition, FormSubmission, SubmittedField } from '../../forms/form-types.ts'
import type { Database } from '../database.ts'
import type { FormStore, FormSubmissionsTable, FormsTable, StoredForm } from '../form-types.ts'
import { mapConstraintErrors } from './constraints.ts'
import { insertOutboxEvent } from './outbox-events.ts'
import { assertFound } from './teamwork.ts'

const MAX_LIMIT = 500

const toForm = (r: Selectable<FormsTable>): StoredForm => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  definition: JSON.parse(r.definition) as FormDefinition,
  enabled: Number(r.enabled) === 1,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
})

const toSubmission = (r: Selectable<FormSubmissionsTable>): FormSubmission => ({
  id: r.id,
  workspaceId: r.workspace_id,
  formId: r.form_id,
  formName: r.form_name,
  fields: JSON.parse(r.fields) as SubmittedField[],
  values: JSON.parse(r.field_values) as Record<string, FieldValue>,
  visitorId: r.visitor_id,
  widgetId: r.widget_id,
  pageUrl: r.page_url,
  utm: r.utm === null ? null : (JSON.parse(r.utm) as Record<string, string>),
  createdAt: Number(r.created_at),
})

/** Web forms and their submissions (issue 5 item 3). */
export function formMethods(db: Kysely<Database>): FormStore {
  return {
    async createForm(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        name: input.name,
        definition: JSON.stringify(input.definition),
        enabled: input.enabled ? 1 : 0,
        created_at: input.now,
        updated_at: input.now,
      }
      await mapConstraintErrors(db.insertInto('forms').values(row).execute(), {
        notFound: 'workspace not found',
      })
      return toForm(row)
    },

    async getForm(workspaceId, id) {
      const row = await db
        .selectFrom('forms')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toForm(row)
    },

    async findForm(id) {
      const row = await db.selectFrom('forms').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toForm(row)
    },

    async listForms(workspaceId) {
      const rows = await db
        .selectFrom('forms')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .orderBy('id')
        .execute()
      return rows.map(toForm)
    },

    async updateForm(workspaceId, id, patch) {
      const set: Updateable<FormsTable> = { updated_at: patch.now }
      if (patch.name !== undefined) set.name = patch.name
      if (patch.definition !== undefined) set.definition = JSON.stringify(patch.definition)
      if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0
      const row = await db
        .updateTable('forms')
        .set(set)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
      return toForm(assertFound(row, 'form'))
    },

    async deleteForm(workspaceId, id) {
      const result = await db
        .deleteFrom('forms')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },

    async createFormSubmission(input) {
      const row = {
        id: crypto.randomUUID(),
        workspace_id: input.workspaceId,
        form_id: input.formId,
        form_name: input.formName,
        fields: JSON.stringify(input.fields),
        field_values: JSON.stringify(input.values),
        visitor_id: input.visitorId,
        widget_id: input.widgetId,
        page_url: input.pageUrl,
        utm: input.utm === null ? null : JSON.stringify(input.utm),
        created_at: input.now,
      }
      // Issue 6: the outbox row exists if and only if the submission was committed.
      await mapConstraintErrors(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('form_submissions').values(row).execute()
          await insertOutboxEvent(trx, {
            workspaceId: input.workspaceId,
            topic: 'lead.form',
            subjectId: row.id,
            now: input.now,
          })
        }),
        { notFound: 'workspace not found' },
      )
      return toSubmission(row)
    },

    async getFormSubmission(workspaceId, id) {
      const row = await db
        .selectFrom('form_submissions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && toSubmission(row)
    },

    async listFormSubmissions(workspaceId, query) {
      let q = db.selectFrom('form_submissions').selectAll().where('workspace_id', '=', workspaceId)
      if (query.formId !== undefined) q = q.where('form_id', '=', query.formId)
      if (query.before !== undefined) q = q.where('created_at', '<', query.before)
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(1, Math.min(query.limit, MAX_LIMIT)))
        .execute()
      return rows.map(toSubmission)
    },
  }
}
