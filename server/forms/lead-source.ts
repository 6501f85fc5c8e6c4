/**
 * Contract C2: a form submission as a CRM lead (topic `lead.form`, subject = submission id). Built
 * from the stored submission alone — its labels were captured when it was sent, so a form edited or
 * deleted since still yields the lead the visitor actually filled in.
 */
import type { LeadDraft, LeadSource } from '../leads/lead-source.ts'
import type { FormStore } from '../store/form-types.ts'
import type { Store } from '../store/types.ts'
import type { FieldValue, FormSubmission, SubmittedField } from './form-types.ts'

const NAME_KEY = /^(full[-_]?)?name$|^(first|last)[-_]?name$/i

/** One answer as text: option labels instead of values, "yes" for a ticked consent. */
export function answerText(field: SubmittedField, value: FieldValue): string {
  const label = (v: string) => field.options?.[v] ?? v
  if (Array.isArray(value)) return value.map(label).join(', ')
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return label(String(value))
}

/**
 * The contact: the first e-mail and phone field answered; the name from a text field keyed
 * `name` / `fullName` / `firstName` + `lastName` (documented in docs/forms.md).
 */
export function submissionContact(s: FormSubmission): LeadDraft['contact'] {
  const answered = s.fields.filter((f) => s.values[f.key] !== undefined)
  const first = (type: string) => {
    const f = answered.find((x) => x.type === type)
    return f && String(s.values[f.key])
  }
  const name = answered
    .filter((f) => f.type === 'text' && NAME_KEY.test(f.key))
    .map((f) => String(s.values[f.key]))
    .join(' ')
  const contact: LeadDraft['contact'] = {}
  if (name) contact.name = name
  const phone = first('phone')
  if (phone) contact.phone = phone
  const email = first('email')
  if (email) contact.email = email
  // Not the visitor id (a browser, not a person): the identified id, if any, comes from the visitor
  // record in `createFormLeadSource` (issue 6, item 1).
  return contact
}

/**
 * `externalId`: the id the site identified the visitor with (`Openline('identify', { id })`), read
 * at delivery time; it recognises the client across chat, callback and form (issue 6, item 1).
 */
export function submissionToLead(s: FormSubmission, externalId?: string | null): LeadDraft {
  const fields: Record<string, string> = {}
  for (const f of s.fields) {
    const value = s.values[f.key]
    if (value !== undefined) fields[f.label] = answerText(f, value)
  }
  const source: LeadDraft['source'] = {}
  if (s.widgetId) source.widgetId = s.widgetId
  if (s.pageUrl) source.pageUrl = s.pageUrl
  if (s.utm) source.utm = s.utm
  return {
    kind: 'form',
    title: `Form: ${s.formName}`,
    contact: { ...(externalId && { externalId }), ...submissionContact(s) },
    source,
    fields,
    createdAt: s.createdAt,
  }
}

export function createFormLeadSource(
  store: Pick<FormStore, 'getFormSubmission'> & Pick<Store, 'getVisitor'>,
): LeadSource {
  return {
    async build(workspaceId, subjectId) {
      const submission = await store.getFormSubmission(workspaceId, subjectId)
      if (!submission) return undefined
      const visitor = submission.visitorId
        ? await store.getVisitor(workspaceId, submission.visitorId)
        : undefined
      return submissionToLead(submission, visitor?.externalId)
    },
  }
}
