/**
 * Field messages in the visitor's language (issue 5 item 7: every visitor-facing text in en, ru
 * and pl). The validator speaks English; the messages the catalogs cover are swapped for the
 * catalog's text, the rest (rare, hostile-input cases) stay English.
 */
import { type Catalog, pickLocale, resolveTexts } from '../i18n/index.ts'
import { MESSAGES } from './submission-schema.ts'

const KEYS: Record<string, keyof Catalog> = {
  [MESSAGES.required]: 'form.required',
  [MESSAGES.email]: 'form.invalidEmail',
  [MESSAGES.phone]: 'form.invalidPhone',
  [MESSAGES.number]: 'form.invalidNumber',
}

/** The `form.*` texts of the locale a browser asked for (BCP 47; English when unknown). */
export function formTexts(locale: string | undefined): Record<string, string> {
  const texts = resolveTexts(pickLocale('auto', locale))
  return Object.fromEntries(Object.entries(texts).filter(([k]) => k.startsWith('form.')))
}

export function localizeFieldErrors(
  fields: Record<string, string>,
  locale: string | undefined,
): Record<string, string> {
  const texts = resolveTexts(pickLocale('auto', locale))
  return Object.fromEntries(
    Object.entries(fields).map(([k, m]) => {
      const key =
        KEYS[m] ?? (m.startsWith('At most') && m.endsWith('characters') ? 'form.tooLong' : undefined)
      return [k, key ? texts[key] : m]
    }),
  )
}
