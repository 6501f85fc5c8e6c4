/**
 * Accepting one submission (issue 5 item 3): validate against the form's definition, check file
 * fields name the visitor's own uploads (C8), then store it with its `lead.form` outbox event.
 * Returns per-field problems instead of throwing, so the HTTP edge can answer them as one 400.
 */
import { visitorUpload } from '../attachments/access.ts'
import type { Store } from '../store/types.ts'
import type { FormDefinition, FormSubmission, FormValues, SubmittedField } from './form-types.ts'
import { submissionContact } from './lead-source.ts'
import { type FieldProblems, validateSubmission } from './submission-schema.ts'

export interface SubmitFormInput {
  form: { id: string; workspaceId: string; name: string; definition: FormDefinition }
  values: FormValues
  visitorId: string | null
  widgetId: string | null
  pageUrl: string | null
  utm: Record<string, string> | null
  now: number
}

export type SubmitFormResult = { ok: true; submission: FormSubmission } | { ok: false; fields: FieldProblems }

/**
 * File fields must name the visitor's own uploads (C8); a problem per field that does not. Also used
 * for the extra callback fields (server/callbacks/extra-answers.ts).
 */
export async function uploadErrors(
  store: Pick<Store, 'getAttachment'>,
  workspaceId: string,
  visitorId: string | null,
  checked: { values: Record<string, unknown>; fields: SubmittedField[] },
): Promise<FieldProblems> {
  const errors: FieldProblems = {}
  for (const field of checked.fields) {
    const value = checked.values[field.key]
    if (field.type !== 'file' || typeof value !== 'string') continue
    const upload = visitorId && (await visitorUpload(store, { workspaceId, visitorId, attachmentId: value }))
    if (!upload) errors[field.key] = { text: 'form.attachAgain' }
  }
  return errors
}

export async function submitForm(
  store: Pick<Store, 'getAttachment' | 'createFormSubmission' | 'getVisitor' | 'updateVisitor'>,
  input: SubmitFormInput,
): Promise<SubmitFormResult> {
  const { form } = input
  const checked = validateSubmission(form.definition, input.values)
  if (!checked.ok) return checked
  const errors = await uploadErrors(store, form.workspaceId, input.visitorId, checked)
  if (Object.keys(errors).length > 0) return { ok: false, fields: errors }
  const submission = await store.createFormSubmission({
    workspaceId: form.workspaceId,
    formId: form.id,
    formName: form.name,
    fields: checked.fields,
    values: checked.values,
    visitorId: input.visitorId,
    widgetId: input.widgetId,
    pageUrl: input.pageUrl,
    utm: input.utm,
    now: input.now,
  })
  if (input.visitorId) await identifyVisitor(store, form.workspaceId, input.visitorId, submission)
  return { ok: true, submission }
}

/**
 * Issue 5 item 3 (the pre-chat form, and any form sent from the widget): the name, e-mail and phone
 * answered become the visitor's, so the operator sees who is writing and the CRM lead rules
 * recognise the contact. Like a callback request, it fills what is missing and never overwrites
 * what the site said with `Openline('identify', …)`.
 */
async function identifyVisitor(
  store: Pick<Store, 'getVisitor' | 'updateVisitor'>,
  workspaceId: string,
  visitorId: string,
  submission: FormSubmission,
): Promise<void> {
  const visitor = await store.getVisitor(workspaceId, visitorId)
  if (!visitor) return
  const contact = submissionContact(submission)
  const patch = {
    ...(visitor.name === null && contact.name && { name: contact.name }),
    ...(visitor.email === null && contact.email && { email: contact.email }),
    ...(visitor.phone === null && contact.phone && { phone: contact.phone }),
  }
  if (Object.keys(patch).length > 0) await store.updateVisitor(workspaceId, visitorId, patch)
}
