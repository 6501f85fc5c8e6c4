/**
 * The web-form routes (issue 5 item 3, contract C7) as route-table entries with their schemas;
 * spread into `routes` of ../route-table.ts. Visitors: `/api/forms/:formId*` (public, cross-origin;
 * a visitor token is optional so the standalone public link works anonymously). Admins:
 * `/api/admin/forms*`. Operators: `/api/form-submissions*`. docs/forms.md describes them.
 */
import { z } from 'zod'
import { formDefinitionSchema } from '../../forms/definition-schema.ts'
import { rawValuesSchema } from '../../forms/submission-schema.ts'
import type { RouteSpec } from '../route-table.ts'

const id = z.string().min(1).max(64)
const timestamp = z.number().int().describe('Milliseconds since the Unix epoch')
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])
const utmText = z.string().trim().max(200).optional()

export const adminForm = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  definition: formDefinitionSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
})
export const adminFormResponse = z.object({ form: adminForm })
export const adminFormListResponse = z.object({ forms: z.array(adminForm) })

export const createFormBody = z.object({
  name: z.string().trim().min(1).max(120),
  definition: formDefinitionSchema,
  enabled: z.boolean().default(true),
})
export const replaceFormBody = z.object({
  name: z.string().trim().min(1).max(120),
  definition: formDefinitionSchema,
  enabled: z.boolean().optional().describe('Unchanged when absent'),
})

const locale = z
  .string()
  .max(35)
  .optional()
  .describe('BCP 47 tag choosing the language of texts and messages')
export const publicFormQuery = z.object({ locale })
export const publicFormResponse = z.object({
  form: z.object({ id: z.string(), definition: formDefinitionSchema }),
  texts: z.record(z.string(), z.string()).describe('The `form.*` visitor texts in the requested language'),
})

export const submitFormBody = z.object({
  values: rawValuesSchema.describe('Field key → value; the form decides what is valid'),
  widgetId: id
    .optional()
    .describe('The widget the form was shown in (ignored when a visitor token names one)'),
  pageUrl: z.string().trim().max(2000).optional(),
  locale,
  utm: z
    .object({ source: utmText, medium: utmText, campaign: utmText, term: utmText, content: utmText })
    .strict()
    .optional(),
})
export const submitFormResponse = z.object({ submission: z.object({ id: z.string(), createdAt: timestamp }) })

export const submittedField = z.object({
  key: z.string(),
  type: z.string(),
  label: z.string(),
  options: z.record(z.string(), z.string()).optional(),
})
export const formSubmission = z.object({
  id: z.string(),
  workspaceId: z.string(),
  formId: z.string(),
  formName: z.string(),
  fields: z.array(submittedField).describe('Visible fields at submission time, with their labels then'),
  values: z.record(z.string(), fieldValue),
  visitorId: z.string().nullable(),
  widgetId: z.string().nullable(),
  pageUrl: z.string().nullable(),
  utm: z.record(z.string(), z.string()).nullable(),
  createdAt: timestamp,
})
export const submissionListQuery = z.object({
  formId: id.optional(),
  before: z.coerce.number().int().optional().describe('Only submissions created before this time'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export const submissionListResponse = z.object({ submissions: z.array(formSubmission) })
export const submissionResponse = z.object({ submission: formSubmission })

const spec = <const S extends RouteSpec>(s: S): S => s

const listSubmissions = <const I extends string, const P extends string>(id: I, path: P) =>
  spec({
    id,
    method: 'get',
    path,
    summary: 'Form submissions of the workspace, newest first (optionally of one form)',
    tag: 'conversations',
    auth: 'session',
    query: submissionListQuery,
    responses: { 200: submissionListResponse },
    errors: [400],
  })

export const formRoutes = {
  publicForm: spec({
    id: 'publicForm',
    method: 'get',
    path: '/api/forms/:formId',
    summary: 'The definition of an enabled form (nothing else), for the widget and the public link',
    tag: 'widget',
    auth: 'public-cors',
    query: publicFormQuery,
    responses: { 200: publicFormResponse },
    errors: [404],
  }),
  submitForm: spec({
    id: 'submitForm',
    method: 'post',
    path: '/api/forms/:formId/submissions',
    summary:
      'Submit a form; a visitor bearer token is optional. 400 invalid_submission carries `fields`; 403 channel_off when the widget does not show the form',
    tag: 'widget',
    auth: 'public-cors',
    body: submitFormBody,
    responses: { 201: submitFormResponse },
    errors: [400, 401, 403, 404, 429],
  }),
  listForms: spec({
    id: 'listForms',
    method: 'get',
    path: '/api/admin/forms',
    summary: 'Forms of the workspace',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: adminFormListResponse },
  }),
  createForm: spec({
    id: 'createForm',
    method: 'post',
    path: '/api/admin/forms',
    summary: 'Add a form',
    tag: 'admin',
    auth: 'admin',
    body: createFormBody,
    responses: { 201: adminFormResponse },
    errors: [400],
  }),
  getForm: spec({
    id: 'getForm',
    method: 'get',
    path: '/api/admin/forms/:id',
    summary: 'One form',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: adminFormResponse },
    errors: [404],
  }),
  replaceForm: spec({
    id: 'replaceForm',
    method: 'put',
    path: '/api/admin/forms/:id',
    summary: 'Replace a form (name, definition, enabled); earlier submissions keep their labels',
    tag: 'admin',
    auth: 'admin',
    body: replaceFormBody,
    responses: { 200: adminFormResponse },
    errors: [400, 404],
  }),
  deleteForm: spec({
    id: 'deleteForm',
    method: 'delete',
    path: '/api/admin/forms/:id',
    summary: 'Delete a form; its submissions are kept',
    tag: 'admin',
    auth: 'admin',
    responses: { 204: undefined },
    errors: [404],
  }),
  listFormSubmissions: listSubmissions('listFormSubmissions', '/api/form-submissions'),
  /** The spelling of contract C7; same handler. */
  listFormsSubmissions: listSubmissions('listFormsSubmissions', '/api/forms-submissions'),
  getFormSubmission: spec({
    id: 'getFormSubmission',
    method: 'get',
    path: '/api/form-submissions/:id',
    summary: 'One form submission',
    tag: 'conversations',
    auth: 'session',
    responses: { 200: submissionResponse },
    errors: [404],
  }),
}
