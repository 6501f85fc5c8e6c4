/**
 * Shapes of the console's message catalogs (issue 5, item 7: "console in en and ru").
 * A message is either plain text with `{name}` placeholders or a set of plural forms keyed by
 * the CLDR category Intl.PluralRules returns ("one", "few", "many", "other" …).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }
export type Message = string | PluralForms

export type Params = Record<string, string | number>

export const LOCALES = ['en', 'ru'] as const
export type Locale = (typeof LOCALES)[number]
