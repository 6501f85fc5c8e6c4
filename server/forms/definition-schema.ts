/**
 * The zod schema of a form definition, for the admin API (issue 5 item 3: admins write
 * definitions). Beyond shapes it checks what would break a form at run time, each with an issue
 * on the exact path: duplicate field keys, conditions on unknown fields or on themselves, cycles
 * (A shows if B, B shows if A), option lists where a choice needs them, a source for hidden fields.
 */
import { z } from 'zod'
import type { ConditionNode, FormDefinition } from './form-types.ts'

export const FORM_LIMITS = {
  sections: 20,
  fields: 100,
  options: 100,
  conditionDepth: 4,
  conditionsPerGroup: 20,
  text: 1000,
  longText: 10_000,
} as const

const key = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a key: a letter, then letters, digits, "_" or "-" (at most 64)')
const label = z.string().trim().min(1).max(200)
const optionalText = (max: number) => z.string().trim().max(max).optional()
const scalar = z.union([z.string().max(500), z.number().finite()])

const condition = z.strictObject({
  field: key,
  op: z.enum(['eq', 'neq', 'contains', 'empty', 'notEmpty', 'gt', 'lt']),
  value: scalar.optional(),
})

export const conditionNodeSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    condition,
    z.strictObject({ all: z.array(conditionNodeSchema).min(1).max(FORM_LIMITS.conditionsPerGroup) }),
    z.strictObject({ any: z.array(conditionNodeSchema).min(1).max(FORM_LIMITS.conditionsPerGroup) }),
  ]),
)

const hiddenSource = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('param'), name: z.string().min(1).max(100) }),
  z.strictObject({
    from: z.literal('utm'),
    name: z.enum(['source', 'medium', 'campaign', 'term', 'content']),
  }),
  z.strictObject({ from: z.literal('pageUrl') }),
])

const CHOICES = new Set(['select', 'radio', 'checkboxes'])

const field = z.strictObject({
  key,
  type: z.enum([
    'text',
    'longText',
    'email',
    'phone',
    'number',
    'select',
    'radio',
    'checkboxes',
    'date',
    'file',
    'consent',
    'hidden',
  ]),
  label,
  placeholder: optionalText(200),
  help: optionalText(1000),
  default: z
    .union([
      z.string().max(FORM_LIMITS.text),
      z.number().finite(),
      z.boolean(),
      z.array(z.string().max(200)).max(100),
    ])
    .optional(),
  required: z.boolean().optional(),
  showIf: conditionNodeSchema.optional(),
  options: z
    .array(z.strictObject({ value: z.string().trim().min(1).max(200), label }))
    .max(FORM_LIMITS.options)
    .optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  maxLength: z.number().int().min(1).max(FORM_LIMITS.longText).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as "PL"')
    .optional(),
  source: hiddenSource.optional(),
})

const section = z.strictObject({
  key,
  title: optionalText(200),
  description: optionalText(2000),
  showIf: conditionNodeSchema.optional(),
  fields: z.array(field).max(FORM_LIMITS.fields),
})

type Path = (string | number)[]
type Issue = (path: Path, message: string) => void

/** Every condition of a node with its path, and the node's depth. */
function walk(
  node: ConditionNode,
  path: Path,
  depth: number,
  visit: (c: { field: string }, p: Path, d: number) => void,
) {
  const group = 'all' in node ? 'all' : 'any' in node ? 'any' : undefined
  if (!group) return visit(node as { field: string }, path, depth)
  const list = (node as Record<typeof group, ConditionNode[]>)[group]
  for (const [i, n] of list.entries()) walk(n, [...path, group, i], depth + 1, visit)
}

function checkDefinition(def: FormDefinition, issue: Issue): void {
  const seen = new Map<string, Path>()
  const sectionKeys = new Set<string>()
  const all = def.sections.flatMap((s, si) =>
    s.fields.map((f, fi) => ({ f, s, path: ['sections', si, 'fields', fi] })),
  )
  if (all.length > FORM_LIMITS.fields) issue(['sections'], `At most ${FORM_LIMITS.fields} fields in a form`)
  def.sections.forEach((s, si) => {
    if (sectionKeys.has(s.key)) issue(['sections', si, 'key'], `Duplicate section key "${s.key}"`)
    sectionKeys.add(s.key)
  })
  for (const { f, path } of all) {
    if (seen.has(f.key)) issue([...path, 'key'], `Duplicate field key "${f.key}"`)
    else seen.set(f.key, path)
    const options = f.options ?? []
    if (CHOICES.has(f.type)) {
      if (options.length === 0) issue([...path, 'options'], `A ${f.type} field needs at least one option`)
      const values = new Set<string>()
      options.forEach((o, oi) => {
        if (values.has(o.value))
          issue([...path, 'options', oi, 'value'], `Duplicate option value "${o.value}"`)
        values.add(o.value)
      })
      const defaults =
        f.default === undefined ? [] : Array.isArray(f.default) ? f.default : [String(f.default)]
      if (defaults.some((d) => !values.has(d)))
        issue([...path, 'default'], 'The default is not one of the options')
    }
    if (f.type === 'hidden' && !f.source) issue([...path, 'source'], 'A hidden field needs a source')
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      issue([...path, 'min'], 'min is above max')
  }
  // Dependencies: a field depends on the fields named by its own and its section's conditions.
  const deps = new Map<string, Set<string>>()
  const depth = FORM_LIMITS.conditionDepth
  const collect = (node: ConditionNode | undefined, path: Path, into: Set<string>, self?: string) => {
    if (!node) return
    walk(node, path, 1, (c, p, d) => {
      if (d > depth) issue(p, `Conditions may nest at most ${depth} levels deep`)
      if (!seen.has(c.field)) issue([...p, 'field'], `The condition refers to an unknown field "${c.field}"`)
      else if (c.field === self) issue([...p, 'field'], 'A field cannot depend on itself')
      into.add(c.field)
    })
  }
  def.sections.forEach((s, si) => {
    const sectionDeps = new Set<string>()
    collect(s.showIf, ['sections', si, 'showIf'], sectionDeps)
    if (s.fields.some((f) => sectionDeps.has(f.key))) {
      issue(['sections', si, 'showIf'], 'A section cannot depend on its own fields')
    }
    s.fields.forEach((f, fi) => {
      const own = new Set(sectionDeps)
      collect(f.showIf, ['sections', si, 'fields', fi, 'showIf'], own, f.key)
      own.delete(f.key)
      deps.set(f.key, own)
    })
  })
  const state = new Map<string, 'open' | 'done'>()
  const visit = (k: string): string | undefined => {
    if (state.get(k) === 'done') return undefined
    if (state.get(k) === 'open') return k
    state.set(k, 'open')
    for (const d of deps.get(k) ?? []) {
      const loop = visit(d)
      if (loop) return loop
    }
    state.set(k, 'done')
    return undefined
  }
  for (const { f, path } of all) {
    const loop = visit(f.key)
    if (loop) {
      issue([...path, 'showIf'], `Conditions form a cycle through "${loop}"`)
      return
    }
  }
}

export const formDefinitionSchema = z
  .strictObject({
    version: z.literal(1),
    title: optionalText(200),
    description: optionalText(2000),
    submitLabel: optionalText(60),
    successMessage: optionalText(1000),
    sections: z.array(section).min(1).max(FORM_LIMITS.sections),
  })
  .superRefine((def, ctx) => {
    checkDefinition(def as FormDefinition, (path, message) => ctx.addIssue({ code: 'custom', path, message }))
  })
