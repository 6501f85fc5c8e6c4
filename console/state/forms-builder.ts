/**
 * Pure helpers of the form builder (issue 5 item 3, contract C7): new fields and sections with
 * unique keys, the fields a condition may refer to, and the condition-group shapes the editor
 * shows. The definition itself is edited by path (forms-draft.ts).
 */
import type {
  Condition,
  ConditionNode,
  ConditionOperator,
  FieldType,
  FieldValue,
  FormDefinition,
  FormField,
  FormSection,
  FormValues,
} from '../../server/forms/form-types.ts'
import type { FormInput } from '../api/forms-api.ts'
import type { MessageKey } from '../i18n/en.ts'
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'

/** Labels are catalog keys, shown in the console's language (issue 5, item 7). */
export const FIELD_TYPES: readonly { type: FieldType; label: MessageKey }[] = [
  { type: 'text', label: 'formsBuilder.typeText' },
  { type: 'longText', label: 'formsBuilder.typeLongText' },
  { type: 'email', label: 'formsBuilder.typeEmail' },
  { type: 'phone', label: 'formsBuilder.typePhone' },
  { type: 'number', label: 'formsBuilder.typeNumber' },
  { type: 'select', label: 'formsBuilder.typeSelect' },
  { type: 'radio', label: 'formsBuilder.typeRadio' },
  { type: 'checkboxes', label: 'formsBuilder.typeCheckboxes' },
  { type: 'date', label: 'formsBuilder.typeDate' },
  { type: 'file', label: 'formsBuilder.typeFile' },
  { type: 'consent', label: 'formsBuilder.typeConsent' },
  { type: 'hidden', label: 'formsBuilder.typeHidden' },
]

export const OPERATORS: readonly { op: ConditionOperator; label: MessageKey; needsValue: boolean }[] = [
  { op: 'eq', label: 'formsBuilder.opEq', needsValue: true },
  { op: 'neq', label: 'formsBuilder.opNeq', needsValue: true },
  { op: 'contains', label: 'formsBuilder.opContains', needsValue: true },
  { op: 'empty', label: 'formsBuilder.opEmpty', needsValue: false },
  { op: 'notEmpty', label: 'formsBuilder.opNotEmpty', needsValue: false },
  { op: 'gt', label: 'formsBuilder.opGt', needsValue: true },
  { op: 'lt', label: 'formsBuilder.opLt', needsValue: true },
]

export const UTM_NAMES = ['source', 'medium', 'campaign', 'term', 'content'] as const

export const hasOptions = (type: FieldType): boolean =>
  type === 'select' || type === 'radio' || type === 'checkboxes'

/** Types whose value a visitor types or picks (placeholder and default make sense). */
export const takesPlaceholder = (type: FieldType): boolean =>
  type === 'text' || type === 'longText' || type === 'email' || type === 'phone' || type === 'number'

export function fieldKeys(def: FormDefinition): string[] {
  return def.sections.flatMap((s) => s.fields.map((f) => f.key))
}

function uniqueKey(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}_${n}`)) return `${prefix}_${n}`
}

/** New fields and forms start with labels in the console's language: the admin writes in it. */
export function newField(type: FieldType, def: FormDefinition, t: Translate = ENGLISH.t): FormField {
  const key = uniqueKey(type === 'hidden' ? 'hidden' : 'field', fieldKeys(def))
  const typeLabel = FIELD_TYPES.find((f) => f.type === type)?.label
  const label = typeLabel ? t(typeLabel) : t('formsBuilder.field')
  const field: FormField = { key, type, label: type === 'consent' ? t('formsBuilder.consentLabel') : label }
  if (hasOptions(type)) field.options = [{ value: 'option_1', label: t('formsBuilder.optionN', { n: 1 }) }]
  if (type === 'hidden') field.source = { from: 'param', name: 'ref' }
  return field
}

export function newSection(def: FormDefinition): FormSection {
  return {
    key: uniqueKey(
      'section',
      def.sections.map((s) => s.key),
    ),
    title: '',
    fields: [],
  }
}

/** What a brand-new form starts with: one section with a name and an email field. */
export function newFormInput(t: Translate = ENGLISH.t, name = t('formsBuilder.newForm')): FormInput {
  return {
    name,
    enabled: true,
    definition: {
      version: 1,
      title: name,
      sections: [
        {
          key: 'section_1',
          fields: [
            { key: 'name', type: 'text', label: t('formsBuilder.name'), required: true },
            { key: 'email', type: 'email', label: t('formsBuilder.typeEmail'), required: true },
          ],
        },
      ],
    },
  }
}

/** A field's type changed: keep what still applies, add what the new type needs. */
export function retype(field: FormField, type: FieldType, t: Translate = ENGLISH.t): FormField {
  const next: FormField = { key: field.key, type, label: field.label }
  if (field.help) next.help = field.help
  if (field.required && type !== 'hidden') next.required = true
  if (field.showIf) next.showIf = field.showIf
  if (takesPlaceholder(type) && field.placeholder) next.placeholder = field.placeholder
  if (hasOptions(type))
    next.options = field.options ?? [{ value: 'option_1', label: t('formsBuilder.optionN', { n: 1 }) }]
  if (type === 'hidden') next.source = field.source ?? { from: 'param', name: 'ref' }
  return next
}

export interface FieldRef {
  key: string
  label: string
  type: FieldType
  options?: FormField['options']
}

/**
 * The fields a condition at this place may test: those before it in form order (a later field
 * would make the form jump around as the visitor fills it in). `fieldIndex` undefined: a section's
 * own condition, which may only test earlier sections.
 */
export function earlierFields(def: FormDefinition, sectionIndex: number, fieldIndex?: number): FieldRef[] {
  const refs: FieldRef[] = []
  def.sections.forEach((section, s) => {
    section.fields.forEach((f, i) => {
      const before = s < sectionIndex || (s === sectionIndex && fieldIndex !== undefined && i < fieldIndex)
      if (before) refs.push({ key: f.key, label: f.label || f.key, type: f.type, options: f.options })
    })
  })
  return refs
}

export type GroupMode = 'all' | 'any'

/** The editor shows every condition as a group; a lone condition is a group of one. */
export function asGroup(node: ConditionNode | undefined): { mode: GroupMode; items: ConditionNode[] } {
  if (!node) return { mode: 'all', items: [] }
  if ('all' in node) return { mode: 'all', items: node.all }
  if ('any' in node) return { mode: 'any', items: node.any }
  return { mode: 'all', items: [node] }
}

export function groupNode(mode: GroupMode, items: ConditionNode[]): ConditionNode | undefined {
  if (items.length === 0) return undefined
  return mode === 'all' ? { all: items } : { any: items }
}

export const isCondition = (node: ConditionNode): node is Condition => 'field' in node

export function newCondition(refs: readonly FieldRef[]): Condition {
  const first = refs.at(-1)
  return { field: first?.key ?? '', op: 'notEmpty' }
}

/** References to fields that do not exist or do not come earlier: the form would misbehave. */
export function conditionProblems(def: FormDefinition, t: Translate = ENGLISH.t): string[] {
  const problems: string[] = []
  const check = (node: ConditionNode | undefined, allowed: readonly FieldRef[], where: string) => {
    if (!node) return
    if (isCondition(node)) {
      if (!allowed.some((r) => r.key === node.field))
        problems.push(t('formsBuilder.notAnEarlierField', { where, field: node.field || '—' }))
      return
    }
    for (const child of 'all' in node ? node.all : node.any) check(child, allowed, where)
  }
  def.sections.forEach((section, s) => {
    check(section.showIf, earlierFields(def, s), t('formsBuilder.sectionN', { n: s + 1 }))
    section.fields.forEach((field, f) => {
      check(
        field.showIf,
        earlierFields(def, s, f),
        t('formsBuilder.fieldNamed', { name: field.label || field.key }),
      )
    })
  })
  return problems
}

/** The preview starts from each field's default, as a visitor's form would. */
export function defaultValues(def: FormDefinition): FormValues {
  const values: Record<string, FieldValue | null> = {}
  for (const s of def.sections)
    for (const f of s.fields) values[f.key] = f.default ?? (f.type === 'checkboxes' ? [] : null)
  return values
}

/** The definition with field `index` of section `from` moved to the end of section `to`. */
export function moveFieldToSection(
  def: FormDefinition,
  from: number,
  index: number,
  to: number,
): FormDefinition {
  const field = def.sections[from]?.fields[index]
  if (!field || from === to || !def.sections[to]) return def
  return {
    ...def,
    sections: def.sections.map((s, i) =>
      i === from
        ? { ...s, fields: s.fields.filter((_, j) => j !== index) }
        : i === to
          ? { ...s, fields: [...s.fields, field] }
          : s,
    ),
  }
}
