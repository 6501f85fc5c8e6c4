/**
 * The chosen language travels down the component tree in a Preact context. Components rendered
 * without a provider (most component tests) get English — the catalogs' source of truth.
 */
import { type ComponentChildren, createContext } from 'preact'
import { useContext, useMemo } from 'preact/hooks'
import { CATALOGS } from './catalogs.ts'
import { ENGLISH } from './english.ts'
import { createI18n, type I18n, type Translate } from './translate.ts'
import type { Locale } from './types.ts'

export interface I18nValue extends I18n {
  /** Switches the language (and remembers the choice); a no-op outside a provider. */
  setLocale(locale: Locale): void
}

const I18nContext = createContext<I18nValue>({ ...ENGLISH, setLocale: () => undefined })

export function I18nProvider(props: {
  locale: Locale
  setLocale(locale: Locale): void
  children: ComponentChildren
}) {
  const { locale, setLocale } = props
  const value = useMemo(() => ({ ...createI18n(locale, CATALOGS[locale]), setLocale }), [locale, setLocale])
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>
}

export function useI18n(): I18nValue {
  return useContext(I18nContext)
}

export function useT(): Translate {
  return useContext(I18nContext).t
}
