/**
 * Server-side validation of one submission against its form (issue 5 item 3: "The server validates
 * each submission against the form's definition (a zod schema built from it)"). Which fields count
 * is decided by the same `visibleKeys` the widget runs, on the submitted values: a field hidden by a
 * condition is neither required nor kept, whatever the browser sent for it.
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js'
import { z } from 'zod'
import { isEmpty, visibleKeys } from './conditions.ts'
import { FORM_LIMITS } from './definition-schema.ts'
import type { FieldValue, FormDefinition, FormField, FormValues, SubmittedField } from './form-types.ts'

/** The English messages; localize.ts maps the ones the catalogs cover. */
export const MESSAGES = {
  required: 'This field is required',
  email: 'Enter a valid e-mail address',
  phone: 'Enter a valid phone number, with the country code',
  number: 'Enter a number',
} as const
const REQUIRED = MESSAGES.required
const ID = /^[A-Za-z0-9_-]{1,64}$/

/** What the edge accepts before the form is known: flat values of a bounded size. */
export const rawValuesSchema = z
  .record(
    z.string().max(64),
    z.union([
      z.string().max(FORM_LIMITS.longText),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(z.string().max(200)).max(FORM_LIMITS.options),
    ]),
  )
  .refine((v) => Object.keys(v).length <= FORM_LIMITS.fields, `At most ${FORM_LIMITS.fields} values`)

const text = (max: number) => z.string('Enter text').trim().max(max, `At most ${max} characters`)

function phone(country: string | undefined) {
  return z.string('Enter a phone number').transform((value, ctx) => {
    const parsed = parsePhoneNumberFromString(value.slice(0, 64), country as CountryCode | undefined)
    if (!parsed?.isValid()) {
      ctx.addIssue({ code: 'custom', message: MESSAGES.phone })
      return z.NEVER
    }
    return parsed.number as string
  })
}

function optionValue(f: FormField) {
  const values = (f.options ?? []).map((o) => o.value)
  return z.string('Choose an option').refine((v) => values.includes(v), 'Choose one of the options')
}

/** The schema of one field's value, when it is present and not empty. */
export function fieldValueSchema(f: FormField): z.ZodType<FieldValue> {
  switch (f.type) {
    case 'text':
      return text(Math.min(f.maxLength ?? FORM_LIMITS.text, FORM_LIMITS.text))
    case 'longText':
      return text(Math.min(f.maxLength ?? FORM_LIMITS.longText, FORM_LIMITS.longText))
    case 'hidden':
      return text(2000)
    case 'email':
      return z.string('Enter an e-mail address').trim().toLowerCase().pipe(z.email(MESSAGES.email).max(254))
    case 'phone':
      return phone(f.country)
    case 'number': {
      let n = z.number(MESSAGES.number).finite(MESSAGES.number)
      if (f.min !== undefined) n = n.min(f.min, `At least ${f.min}`)
      if (f.max !== undefined) n = n.max(f.max, `At most ${f.max}`)
      return z
        .union(
          [
            z.number(),
            z
              .string()
              .trim()
              .regex(/^-?\d{1,15}([.,]\d{1,10})?$/, MESSAGES.number),
          ],
          MESSAGES.number,
        )
        .transform((v) => (typeof v === 'number' ? v : Number(v.replace(',', '.'))))
        .pipe(n)
    }
    case 'date':
      return z.iso.date('Enter a date (YYYY-MM-DD)')
    case 'select':
    case 'radio':
      return optionValue(f)
    case 'checkboxes':
      return z
        .array(optionValue(f), 'Choose options')
        .refine((v) => new Set(v).size === v.length, 'An option is chosen twice')
    case 'file':
      return z.string('Attach a file').regex(ID, 'Attach a file')
    case 'consent':
      return z.literal(true, 'Tick the box to agree')
  }
}

/**
 * The zod schema for one submission of `def` carrying `raw` values: it knows the visible fields
 * (from `raw`), requires the required ones among them and parses each to its canonical value.
 * Keys of the result are the visible, non-empty fields only.
 */
export function buildSubmissionSchema(def: FormDefinition, raw: FormValues) {
  const visible = visibleKeys(def, raw)
  const shape: Record<string, z.ZodType> = {}
  for (const s of def.sections) {
    for (const f of s.fields) {
      if (!visible.has(f.key)) continue
      const value = fieldValueSchema(f)
      // Empty counts as absent: an unticked optional box or a blank optional input is not kept.
      shape[f.key] = z.preprocess(
        (v) => (isEmpty(v as FieldValue) ? undefined : v),
        f.required ? value : value.optional(),
      )
    }
  }
  return z.object(shape)
}

export type SubmissionResult =
  | { ok: true; values: Record<string, FieldValue>; fields: SubmittedField[] }
  | { ok: false; fields: Record<string, string> }

/** Validates `raw` against `def`: unknown keys are refused; values of hidden fields are dropped. */
export function validateSubmission(def: FormDefinition, raw: FormValues): SubmissionResult {
  const known = new Map(def.sections.flatMap((s) => s.fields.map((f) => [f.key, f] as const)))
  const errors: Record<string, string> = {}
  for (const k of Object.keys(raw)) if (!known.has(k)) errors[k] = 'This form has no such field'
  const parsed = buildSubmissionSchema(def, raw).safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const k = String(issue.path[0] ?? '')
      errors[k] ??= isEmpty(raw[k]) ? REQUIRED : issue.message
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, fields: errors }
  const values: Record<string, FieldValue> = {}
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) values[k] = v as FieldValue
  const visible = visibleKeys(def, raw)
  const fields: SubmittedField[] = [...known.values()]
    .filter((f) => visible.has(f.key))
    .map((f) => ({
      key: f.key,
      type: f.type,
      label: f.label,
      ...(f.options && { options: Object.fromEntries(f.options.map((o) => [o.value, o.label])) }),
    }))
  return { ok: true, values, fields }
}
