/**
 * Server-side validation of one submission against its form (issue 5 item 3: "The server validates
 * each submission against the form's definition (a zod schema built from it)"). Which fields count
 * is decided by the same `visibleKeys` the widget runs, on the submitted values: a field hidden by a
 * condition is neither required nor kept, whatever the browser sent for it.
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js'
import { z } from 'zod'
import type { TextKey } from '../i18n/index.ts'
import { isEmpty, visibleKeys } from './conditions.ts'
import { FORM_LIMITS } from './definition-schema.ts'
import type { FieldValue, FormDefinition, FormField, FormValues, SubmittedField } from './form-types.ts'

/**
 * Everything the validator can say about a field, as catalog keys (server/i18n): it speaks no
 * language, localize.ts renders a problem in the visitor's (issue 5 item 7: every visitor-facing
 * text in en, ru and pl). They are also zod's messages in the schemas below.
 */
export const PROBLEMS = [
  'form.required',
  'form.unknownField',
  'form.enterText',
  'form.tooLong',
  'form.invalidEmail',
  'form.invalidPhone',
  'form.invalidNumber',
  'form.atLeast',
  'form.atMost',
  'form.chooseOption',
  'form.optionTwice',
  'form.invalidDate',
  'form.consent',
  'form.attachFile',
  'form.attachAgain',
  'form.invalidValue',
] as const satisfies readonly TextKey[]
export type ProblemKey = (typeof PROBLEMS)[number]

/** What is wrong with one field: a catalog key and the numbers its text names (`{min}`, `{max}`). */
export interface FieldProblem {
  text: ProblemKey
  params?: Record<string, number>
}
export type FieldProblems = Record<string, FieldProblem>

const isProblemKey = (m: string): m is ProblemKey => (PROBLEMS as readonly string[]).includes(m)
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

const text = (max: number) => z.string('form.enterText').trim().max(max, 'form.tooLong')

function phone(country: string | undefined) {
  return z.string('form.invalidPhone').transform((value, ctx) => {
    const parsed = parsePhoneNumberFromString(value.slice(0, 64), country as CountryCode | undefined)
    if (!parsed?.isValid()) {
      ctx.addIssue({ code: 'custom', message: 'form.invalidPhone' })
      return z.NEVER
    }
    return parsed.number as string
  })
}

function optionValue(f: FormField) {
  const values = (f.options ?? []).map((o) => o.value)
  return z.string('form.chooseOption').refine((v) => values.includes(v), 'form.chooseOption')
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
      return z
        .string('form.invalidEmail')
        .trim()
        .toLowerCase()
        .pipe(z.email('form.invalidEmail').max(254, 'form.tooLong'))
    case 'phone':
      return phone(f.country)
    case 'number': {
      let n = z.number('form.invalidNumber').finite('form.invalidNumber')
      if (f.min !== undefined) n = n.min(f.min, 'form.atLeast')
      if (f.max !== undefined) n = n.max(f.max, 'form.atMost')
      return z
        .union(
          [
            z.number(),
            z
              .string()
              .trim()
              .regex(/^-?\d{1,15}([.,]\d{1,10})?$/, 'form.invalidNumber'),
          ],
          'form.invalidNumber',
        )
        .transform((v) => (typeof v === 'number' ? v : Number(v.replace(',', '.'))))
        .pipe(n)
    }
    case 'date':
      return z.iso.date('form.invalidDate')
    case 'select':
    case 'radio':
      return optionValue(f)
    case 'checkboxes':
      return z
        .array(optionValue(f), 'form.chooseOption')
        .refine((v) => new Set(v).size === v.length, 'form.optionTwice')
    case 'file':
      return z.string('form.attachFile').regex(ID, 'form.attachFile')
    case 'consent':
      return z.literal(true, 'form.consent')
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
  | { ok: false; fields: FieldProblems }

/**
 * A zod issue as a field problem. Every check above names its key; a message of zod's own (none is
 * expected) still becomes a catalog text rather than English.
 */
function problemOf(message: string, field: FormField | undefined): FieldProblem {
  const text = isProblemKey(message) ? message : 'form.invalidValue'
  if (text === 'form.atLeast' && field?.min !== undefined) return { text, params: { min: field.min } }
  if (text === 'form.atMost' && field?.max !== undefined) return { text, params: { max: field.max } }
  return { text }
}

/** Validates `raw` against `def`: unknown keys are refused; values of hidden fields are dropped. */
export function validateSubmission(def: FormDefinition, raw: FormValues): SubmissionResult {
  const known = new Map(def.sections.flatMap((s) => s.fields.map((f) => [f.key, f] as const)))
  const errors: FieldProblems = {}
  for (const k of Object.keys(raw)) if (!known.has(k)) errors[k] = { text: 'form.unknownField' }
  const parsed = buildSubmissionSchema(def, raw).safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const k = String(issue.path[0] ?? '')
      errors[k] ??= isEmpty(raw[k]) ? { text: 'form.required' } : problemOf(issue.message, known.get(k))
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
