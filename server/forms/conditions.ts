/**
 * The condition evaluator (issue 5 item 3, contract C7): which fields of a form are shown for the
 * values filled in so far. Pure and zod-free — the widget re-runs it on every keystroke and the
 * server runs the same code to decide which fields are required and kept, so both always agree.
 * Kept small on purpose: it ships in the widget's form chunk.
 */
import type {
  Condition,
  ConditionNode,
  FieldValue,
  FormDefinition,
  FormField,
  FormValues,
} from './form-types.ts'

/** Empty: nothing, blank text, no boxes ticked, an unticked consent. */
export const isEmpty = (v: FieldValue | null | undefined): boolean =>
  v == null || v === false || (Array.isArray(v) ? v.length === 0 : String(v).trim() === '')

const norm = (v: unknown): string =>
  String(v ?? '')
    .trim()
    .toLowerCase()

/** A number when both sides look like one; else text order (ISO dates, YYYY-MM-DD, sort right). */
const order = (a: FieldValue, b: string | number | undefined): number => {
  const x = Number(a)
  const y = Number(b)
  // biome-ignore lint/suspicious/noSelfCompare: the shortest NaN test; this ships in the widget chunk
  return norm(a) && norm(b) && x === x && y === y ? x - y : norm(a) < norm(b) ? -1 : +(norm(a) > norm(b))
}

/** One test. On a list (checkboxes) `=` / `contains` mean "has this option ticked". */
export function testCondition(c: Condition, v: FieldValue | null | undefined): boolean {
  const op = c.op
  if (op === 'empty') return isEmpty(v)
  if (op === 'notEmpty') return !isEmpty(v)
  if (isEmpty(v) && op !== 'neq') return false
  const want = norm(c.value)
  const has = Array.isArray(v)
    ? v.some((x) => norm(x) === want)
    : op === 'contains'
      ? norm(v).includes(want)
      : !order(v as FieldValue, c.value)
  if (op === 'eq' || op === 'contains') return has
  if (op === 'neq') return !has
  if (v == null || Array.isArray(v) || isEmpty(c.value as FieldValue)) return false
  return op === 'gt' ? order(v, c.value) > 0 : order(v, c.value) < 0
}

/**
 * The keys of the fields shown for `values`. A field hidden by a condition counts as empty in the
 * conditions of others, so chains collapse (A reveals B reveals C: clearing A hides C too).
 * Definitions with a cycle are refused by the admin schema; here a cycle only has to terminate.
 */
export function visibleKeys(def: FormDefinition, values: FormValues): Set<string> {
  const fields = new Map<string, [FormField, ConditionNode | undefined]>()
  for (const s of def.sections) for (const f of s.fields) fields.set(f.key, [f, s.showIf])
  const memo = new Map<string, boolean>()
  const shown = (key: string): boolean => {
    let v = memo.get(key)
    if (v === undefined) {
      memo.set(key, false)
      const entry = fields.get(key)
      v = !!entry && holds(entry[1]) && holds(entry[0].showIf)
      memo.set(key, v)
    }
    return v
  }
  const holds = (n: ConditionNode | undefined): boolean =>
    !n ||
    ('all' in n
      ? n.all.every(holds)
      : 'any' in n
        ? n.any.some(holds)
        : testCondition(n, shown(n.field) ? values[n.field] : undefined))
  return new Set([...fields.keys()].filter(shown))
}

/** The fields shown for `values`, in form order. */
export function visibleFields(def: FormDefinition, values: FormValues): FormField[] {
  const keys = visibleKeys(def, values)
  return def.sections.flatMap((s) => s.fields.filter((f) => keys.has(f.key)))
}
