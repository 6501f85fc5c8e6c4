import { describe, expect, it } from 'vitest'
import { CATALOGS, en, LOCALES, pickLocale, resolveTexts } from './index.ts'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort()

describe('catalogs', () => {
  it.each(LOCALES)('%s has every key of en, no other key, and no empty text', (locale) => {
    const catalog = CATALOGS[locale]
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort())
    for (const [key, text] of Object.entries(catalog)) expect(text.trim(), key).not.toBe('')
  })

  it.each(LOCALES)('%s keeps the placeholders of en (translations may drop an optional name)', (locale) => {
    for (const [key, text] of Object.entries(CATALOGS[locale])) {
      const expected = placeholders(en[key as keyof typeof en])
      for (const name of placeholders(text)) expect(expected, `${locale} ${key}`).toContain(name)
      if (!key.startsWith('autoReply.')) expect(placeholders(text), `${locale} ${key}`).toEqual(expected)
    }
  })
})

describe('pickLocale', () => {
  it.each([
    ['auto', 'ru-RU', 'ru'],
    ['auto', 'pl', 'pl'],
    ['auto', 'PL_pl', 'pl'],
    ['auto', 'de-DE', 'en'],
    ['auto', undefined, 'en'],
    ['auto', '', 'en'],
    ['ru', 'pl-PL', 'ru'],
    ['en', 'ru', 'en'],
  ] as const)('setting %s, browser %s → %s', (setting, requested, expected) => {
    expect(pickLocale(setting, requested)).toBe(expected)
  })

  it('an explicit choice wins over the setting', () => {
    expect(pickLocale('en', 'en-GB', 'pl')).toBe('pl')
  })
})

describe('resolveTexts', () => {
  it('puts overrides over the catalog and drops unknown keys', () => {
    const texts = resolveTexts('ru', { 'chat.title': 'Acme', 'no.such': 'x' })
    expect(texts['chat.title']).toBe('Acme')
    expect(texts['chat.close']).toBe('Закрыть чат')
    expect('no.such' in texts).toBe(false)
  })
})
