/**
 * Extra callback fields (issue 5 item 3: "the same form engine serves as … extra callback fields"):
 * the answers to the widget's `callback.extraFormId` form, validated by the form engine's
 * submission schema (conditions, required fields, types, unknown keys, the visitor's own uploads)
 * and kept with the callback as label → answer text, the shape the console and the CRM show.
 */

import type { FormDefinition, FormValues } from '../forms/form-types.ts'
import { answerText } from '../forms/lead-source.ts'
import { type FieldProblems, validateSubmission } from '../forms/submission-schema.ts'
import { uploadErrors } from '../forms/submit-form.ts'
import type { JsonObject, Store } from '../store/types.ts'

/** Without an enabled extra form every answer is an unknown field. */
const NO_FIELDS: FormDefinition = { version: 1, sections: [] }

export type ExtraAnswers = { ok: true; extra: JsonObject } | { ok: false; fields: FieldProblems }

export async function checkExtraAnswers(
  store: Pick<Store, 'getForm' | 'getAttachment'>,
  input: { workspaceId: string; visitorId: string; formId: string | undefined; values: FormValues },
): Promise<ExtraAnswers> {
  const form = input.formId ? await store.getForm(input.workspaceId, input.formId) : undefined
  // A form switched off since the page loaded: the callback still goes through, without extras.
  const definition = form?.enabled ? form.definition : NO_FIELDS
  const checked = validateSubmission(definition, input.values)
  if (!checked.ok) return checked
  const errors = await uploadErrors(store, input.workspaceId, input.visitorId, checked)
  if (Object.keys(errors).length > 0) return { ok: false, fields: errors }
  const extra: JsonObject = {}
  for (const field of checked.fields) {
    const value = checked.values[field.key]
    if (value === undefined) continue
    // Two fields may share a label; the key tells them apart.
    const label = field.label in extra ? `${field.label} (${field.key})` : field.label
    extra[label] = answerText(field, value)
  }
  return { ok: true, extra }
}
