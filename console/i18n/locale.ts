/** Which language the console speaks: an explicit choice, else the browser's language, else English. */
import { LOCALES, type Locale } from './types.ts'

/** localStorage key of the operator's explicit choice (the top bar's language switch). */
export const LOCALE_STORAGE_KEY = 'openline.console.locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** `stored` is the explicit choice (if any), `languages` is navigator.languages in order. */
export function pickLocale(stored: string | null, languages: readonly string[]): Locale {
  if (isLocale(stored)) return stored
  // Only the first (preferred) browser language counts: ru, ru-RU, ru-UA → Russian; the rest → English.
  const first = languages[0]?.toLowerCase() ?? ''
  return first === 'ru' || first.startsWith('ru-') ? 'ru' : 'en'
}

/** The outside world the language choice reads and writes; built in main.tsx, faked in tests. */
export interface LanguageEnv {
  /** navigator.languages (or [navigator.language]). */
  languages(): readonly string[]
  load(): string | null
  save(locale: Locale): void
  /** Sets `<html lang>` so screen readers pronounce the console in the right language. */
  apply(locale: Locale): void
}

/** Stand-in with no browser behind it: English unless told otherwise, remembers in memory. */
export function memoryLanguageEnv(languages: readonly string[] = ['en-US']): LanguageEnv & {
  applied: Locale | null
} {
  let saved: string | null = null
  const env = {
    applied: null as Locale | null,
    languages: () => languages,
    load: () => saved,
    save(locale: Locale) {
      saved = locale
    },
    apply(locale: Locale) {
      env.applied = locale
    },
  }
  return env
}
