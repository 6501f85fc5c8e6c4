/**
 * The language of texts the server writes to one visitor outside the widget config — the default
 * auto-replies (issue 5, item 7) — chosen as the config's texts are (`pickLocale`): an explicit
 * choice the visitor's page reported (`context.locale`) over the widget's language setting over the
 * browser's language (`context.language`, navigator.language).
 */
import { LOCALES, type Locale, pickLocale } from './resolve.ts'

export interface LocaleContext {
  /** navigator.language as the browser reported it, e.g. "ru-RU". */
  language?: unknown
  /** An explicit 'en' | 'ru' | 'pl' the page chose for the visitor. */
  locale?: unknown
}

export function visitorLocale(widgetLanguage: 'auto' | Locale, context: LocaleContext): Locale {
  const explicit = LOCALES.find((l) => l === context.locale)
  const browser = typeof context.language === 'string' ? context.language : undefined
  return pickLocale(widgetLanguage, browser, explicit)
}

/**
 * The tag dates and times are written in: the browser's own tag when it is of the chosen language
 * (keeps its region: en-GB writes "09:00", en-US "9:00 AM"), else the chosen language, so a Russian
 * text never names an English weekday.
 */
export function formattingLocale(locale: Locale, browserLanguage: unknown): string {
  if (typeof browserLanguage !== 'string') return locale
  const tag = browserLanguage.trim().replace(/_/g, '-')
  if (tag.split('-')[0]?.toLowerCase() !== locale) return locale
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? locale
  } catch (error) {
    // A malformed tag from the browser: the language alone still writes the right words.
    if (error instanceof RangeError) return locale
    throw error
  }
}
