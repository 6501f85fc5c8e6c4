/** The pure part of the console's i18n: look a key up, pick the plural form, fill in `{name}`. */
import type { Catalog, MessageKey } from './en.ts'
import type { Locale, Message, Params } from './types.ts'

export type Translate = (key: MessageKey, params?: Params) => string

export interface I18n {
  locale: Locale
  t: Translate
  /** "12 Mar 2025, 14:05" in the chosen language. */
  dateTime(at: number | Date): string
  /** "14:05". */
  time(at: number | Date): string
  /** "12 Mar". */
  shortDate(at: number | Date): string
  /** Intl.DateTimeFormat in the chosen language, for the few places that need their own options. */
  dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat
}

const PLACEHOLDER = /\{(\w+)\}/g

export function interpolate(text: string, params: Params | undefined): string {
  if (!params) return text
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

function pick(message: Message, rules: Intl.PluralRules, params: Params | undefined): string {
  if (typeof message === 'string') return message
  // Plural messages are chosen by `count`; without one the "other" form is the safe choice.
  const count = params?.count
  const form = typeof count === 'number' ? rules.select(count) : 'other'
  return message[form] ?? message.other
}

export function createI18n(locale: Locale, catalog: Catalog): I18n {
  const rules = new Intl.PluralRules(locale)
  const formats = new Map<string, Intl.DateTimeFormat>()
  const dateFormat = (options: Intl.DateTimeFormatOptions) => {
    const id = JSON.stringify(options)
    let format = formats.get(id)
    if (!format) {
      format = new Intl.DateTimeFormat(locale, options)
      formats.set(id, format)
    }
    return format
  }
  return {
    locale,
    t: (key, params) => interpolate(pick(catalog[key], rules, params), params),
    dateTime: (at) => dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(at),
    time: (at) => dateFormat({ hour: '2-digit', minute: '2-digit' }).format(at),
    shortDate: (at) => dateFormat({ day: 'numeric', month: 'short' }).format(at),
    dateFormat,
  }
}
