/**
 * Contract C7 (issue 5 item 3, "Web forms"): the form definition an admin writes and every
 * renderer (widget, public link, console builder/preview) reads. Types only and zod-free, so
 * browser bundles may import it; the zod schema that validates a definition lives in
 * `definition-schema.ts` (server only). Documented in docs/forms.md.
 */

export type FieldType =
  | 'text'
  | 'longText'
  | 'email'
  | 'phone'
  | 'number'
  | 'select'
  | 'radio'
  | 'checkboxes'
  | 'date'
  | 'file'
  | 'consent'
  | 'hidden'

/** `=`, `≠`, contains, empty, not empty, `>`, `<` (issue 5 item 3). */
export type ConditionOperator = 'eq' | 'neq' | 'contains' | 'empty' | 'notEmpty' | 'gt' | 'lt'

/** One test on another field's current value. `value` is ignored by `empty` / `notEmpty`. */
export interface Condition {
  field: string
  op: ConditionOperator
  value?: string | number
}

/** AND (`all`) / OR (`any`) groups, nested freely. */
export type ConditionNode = Condition | { all: ConditionNode[] } | { any: ConditionNode[] }

export interface FieldOption {
  value: string
  label: string
}

/** Where a `hidden` field takes its value on the visitor's page. */
export type HiddenSource =
  | { from: 'param'; name: string }
  | { from: 'utm'; name: 'source' | 'medium' | 'campaign' | 'term' | 'content' }
  | { from: 'pageUrl' }

export interface FormField {
  /** Stable machine name, unique in the form; the key of the value in a submission. */
  key: string
  type: FieldType
  label: string
  placeholder?: string
  help?: string
  /** Initial value: a string, a number, `true` for consent, a list for checkboxes. */
  default?: FieldValue
  required?: boolean
  /** Shown only while this holds; a field hidden by a condition is neither required nor kept. */
  showIf?: ConditionNode
  /** select, radio, checkboxes. */
  options?: FieldOption[]
  /** number: bounds. */
  min?: number
  max?: number
  /** text, longText: maximum length in characters (the server caps every text anyway). */
  maxLength?: number
  /** phone: ISO 3166 country (e.g. "PL") for numbers written without "+"; else they must start with "+". */
  country?: string
  /** hidden: where the value comes from. */
  source?: HiddenSource
}

/** A block of fields with an optional title; may be shown or hidden as a whole. */
export interface FormSection {
  key: string
  title?: string
  description?: string
  showIf?: ConditionNode
  fields: FormField[]
}

export interface FormDefinition {
  version: 1
  title?: string
  description?: string
  submitLabel?: string
  /** Shown to the visitor after a successful submission. */
  successMessage?: string
  sections: FormSection[]
}

export type FieldValue = string | number | boolean | string[]

/** Values as a renderer holds them (strings from inputs) or as the server keeps them. */
export type FormValues = Record<string, FieldValue | null | undefined>

/** The public view of a form (GET /api/forms/:formId): the definition and nothing else. */
export interface PublicForm {
  id: string
  definition: FormDefinition
}

/** A field as captured with a submission: the label and options at the time it was submitted. */
export interface SubmittedField {
  key: string
  type: FieldType
  label: string
  /** Option labels by value, for select/radio/checkboxes. */
  options?: Record<string, string>
}

export interface FormSubmission {
  id: string
  workspaceId: string
  formId: string
  /** The form's name when it was submitted (kept when the form is renamed or deleted). */
  formName: string
  /** Visible fields at submission time, in form order — labels survive later edits. */
  fields: SubmittedField[]
  values: Record<string, FieldValue>
  visitorId: string | null
  widgetId: string | null
  pageUrl: string | null
  utm: Record<string, string> | null
  createdAt: number
}

/** Structured error body of a rejected submission (HTTP 400). */
export interface InvalidSubmissionError {
  error: { code: 'invalid_submission'; message: string; fields: Record<string, string> }
}
