import { type Catalog, en } from './en.ts'
import { pl } from './pl.ts'
import { ru } from './ru.ts'

export const LOCALES = ['en', 'ru', 'pl'] as const
export type Locale = (typeof LOCALES)[number]

export const CATALOGS: Record<Locale, Catalog> = { en, ru, pl }

/**
 * The widget's language: a fixed setting wins; with 'auto' the browser's language (a BCP 47 tag
 * such as "ru-RU", sent by the widget as `?locale=`) picks a catalog by its primary subtag, and
 * anything we have no catalog for falls back to English. The host page's explicit choice
 * (`Openline('setLocale', code)`) wins over both.
 */
export function pickLocale(
  setting: 'auto' | Locale,
  requested: string | undefined,
  explicit?: Locale,
): Locale {
  if (explicit) return explicit
  if (setting !== 'auto') return setting
  const primary = requested?.trim().toLowerCase().split(/[-_]/)[0]
  return LOCALES.find((l) => l === primary) ?? 'en'
}

/** The catalog of a locale with the widget's overrides on top; override keys not in the catalog are dropped. */
export function resolveTexts(locale: Locale, overrides: Record<string, string> = {}): Catalog {
  const texts: Catalog = { ...CATALOGS[locale] }
  for (const key of Object.keys(overrides)) {
    if (Object.hasOwn(texts, key)) texts[key as keyof Catalog] = overrides[key]!
  }
  return texts
}
