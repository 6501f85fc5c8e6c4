/**
 * Field problems in the visitor's language (issue 5 item 7: every visitor-facing text in en, ru
 * and pl). The validator names a catalog key per field (submission-schema.ts `PROBLEMS`); this is
 * the one place it becomes text, at the HTTP edge that knows the visitor's locale.
 */
import { pickLocale, resolveTexts } from '../i18n/index.ts'
import type { FieldProblems } from './submission-schema.ts'

/** The `form.*` texts of the locale a browser asked for (BCP 47; English when unknown). */
export function formTexts(locale: string | undefined): Record<string, string> {
  const texts = resolveTexts(pickLocale('auto', locale))
  return Object.fromEntries(Object.entries(texts).filter(([k]) => k.startsWith('form.')))
}

/** `{min}`-style placeholders filled with the problem's numbers, in the locale's notation. */
const fill = (text: string, params: Record<string, number>, locale: string) =>
  text.replace(/\{(\w+)\}/g, (all, name: string) =>
    params[name] === undefined ? all : params[name].toLocaleString(locale),
  )

export function localizeFieldErrors(
  fields: FieldProblems,
  locale: string | undefined,
): Record<string, string> {
  const chosen = pickLocale('auto', locale)
  const texts = resolveTexts(chosen)
  return Object.fromEntries(
    Object.entries(fields).map(([k, p]) => [k, fill(texts[p.text], p.params ?? {}, chosen)]),
  )
}
