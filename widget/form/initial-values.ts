/**
 * A form's starting values (issue 5 item 3): the admin's default, then `Openline('prefill', …)`,
 * and for hidden fields the page itself — a URL parameter, a UTM tag or the address.
 */
import type { FieldValue, FormDefinition } from '../../server/forms/form-types.ts'

export const UTM = ['source', 'medium', 'campaign', 'term', 'content'] as const

export function initialValues(
  def: FormDefinition,
  prefill: Record<string, string>,
  href: string,
): Record<string, FieldValue> {
  const q = new URL(href).searchParams
  const values: Record<string, FieldValue> = {}
  for (const s of def.sections) {
    for (const f of s.fields) {
      const src = f.source
      const v =
        f.type === 'hidden'
          ? src && (src.from === 'pageUrl' ? href : q.get(src.from === 'utm' ? `utm_${src.name}` : src.name))
          : (prefill[f.key] ?? f.default)
      if (v != null) values[f.key] = f.type === 'checkboxes' && !Array.isArray(v) ? [String(v)] : v
    }
  }
  return values
}
