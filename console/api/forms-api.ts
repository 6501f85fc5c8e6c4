/**
 * The console's calls to the forms API (contract C7, issue 5 item 3): admins list, create, edit and
 * switch off forms; every operator reads submissions. Types come from the zod-free
 * server/forms/form-types.ts, so nothing of the server ships to the browser.
 */
import type { FormDefinition, FormSubmission } from '../../server/forms/form-types.ts'
import type { HttpClient } from './http-client.ts'

/** A form as the admin API returns it. */
export interface AdminForm {
  id: string
  name: string
  enabled: boolean
  definition: FormDefinition
  createdAt?: number
  updatedAt?: number
}

/** What the builder saves: the name, the switch and the whole definition (PUT replaces them). */
export interface FormInput {
  name: string
  enabled: boolean
  definition: FormDefinition
}

export interface FormsApi {
  listForms(): Promise<AdminForm[]>
  getForm(formId: string): Promise<AdminForm>
  createForm(input: FormInput): Promise<AdminForm>
  updateForm(formId: string, input: FormInput): Promise<AdminForm>
  deleteForm(formId: string): Promise<void>
  /** Newest first; every operator may read them, also of a switched-off form. */
  listSubmissions(formId?: string): Promise<FormSubmission[]>
}

export function createFormsApi(http: HttpClient): FormsApi {
  const id = encodeURIComponent
  return {
    async listForms() {
      return (await http.get<{ forms: AdminForm[] }>('/api/admin/forms')).forms
    },
    async getForm(formId) {
      return (await http.get<{ form: AdminForm }>(`/api/admin/forms/${id(formId)}`)).form
    },
    async createForm(input) {
      return (await http.send<{ form: AdminForm }>('POST', '/api/admin/forms', input)).form
    },
    async updateForm(formId, input) {
      return (await http.send<{ form: AdminForm }>('PUT', `/api/admin/forms/${id(formId)}`, input)).form
    },
    async deleteForm(formId) {
      await http.send<void>('DELETE', `/api/admin/forms/${id(formId)}`)
    },
    async listSubmissions(formId) {
      const query = formId ? `?${new URLSearchParams({ formId })}` : ''
      const res = await http.get<{ submissions: FormSubmission[] }>(`/api/form-submissions${query}`)
      return res.submissions
    },
  }
}
