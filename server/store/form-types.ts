/**
 * Web forms (issue 5 item 3): the store's part. Definitions are validated at the HTTP edge
 * (server/forms/definition-schema.ts); the store keeps them as JSON. Submissions carry the form's
 * name and the labels of the fields they answered, so they stay readable after the form is edited,
 * switched off or deleted (they have no foreign key to `forms` for that reason).
 */
import type { FormDefinition, FormSubmission } from '../forms/form-types.ts'

export interface StoredForm {
  id: string
  workspaceId: string
  /** The admin's name for the form (console only; the visitor sees `definition.title`). */
  name: string
  definition: FormDefinition
  enabled: boolean
  createdAt: number
  updatedAt: number
}

export interface NewForm {
  workspaceId: string
  name: string
  definition: FormDefinition
  enabled: boolean
  now: number
}

export interface FormPatch {
  name?: string
  definition?: FormDefinition
  enabled?: boolean
  now: number
}

export type NewFormSubmission = Omit<FormSubmission, 'id' | 'createdAt'> & { now: number }

export interface FormSubmissionQuery {
  formId?: string
  /** Newest first; only submissions created strictly before this time. */
  before?: number
  limit: number
}

export interface FormStore {
  createForm(input: NewForm): Promise<StoredForm>
  getForm(workspaceId: string, id: string): Promise<StoredForm | undefined>
  /** Unscoped: a public form link starts from the form id. */
  findForm(id: string): Promise<StoredForm | undefined>
  listForms(workspaceId: string): Promise<StoredForm[]>
  /** Throws StoreError('not_found') for a form of another workspace or none at all. */
  updateForm(workspaceId: string, id: string, patch: FormPatch): Promise<StoredForm>
  /** Deletes the form; its submissions stay. False when there was no such form. */
  deleteForm(workspaceId: string, id: string): Promise<boolean>
  /** Stores a submission and its `lead.form` outbox event in one transaction (issue 6). */
  createFormSubmission(input: NewFormSubmission): Promise<FormSubmission>
  getFormSubmission(workspaceId: string, id: string): Promise<FormSubmission | undefined>
  listFormSubmissions(workspaceId: string, query: FormSubmissionQuery): Promise<FormSubmission[]>
}

/** Migration 0007. */
export interface FormsTable {
  id: string
  workspace_id: string
  name: string
  definition: string
  enabled: number
  created_at: number
  updated_at: number
}

export interface FormSubmissionsTable {
  id: string
  workspace_id: string
  form_id: string
  form_name: string
  /** JSON: SubmittedField[] — the labels and option labels at submission time. */
  fields: string
  /** JSON: Record<string, FieldValue>. */
  field_values: string
  visitor_id: string | null
  widget_id: string | null
  page_url: string | null
  /** JSON object or null. */
  utm: string | null
  created_at: number
}
