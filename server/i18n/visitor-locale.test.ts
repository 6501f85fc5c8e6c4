import { describe, expect, it } from 'vitest'
import { formattingLocale, visitorLocale } from './visitor-locale.ts'

describe('visitorLocale (issue 5, item 7)', () => {
  it.each([
    // widget setting, visitor context, expected
    ['auto', { language: 'ru-RU' }, 'ru'],
    ['auto', { language: 'pl' }, 'pl'],
    ['auto', { language: 'de-DE' }, 'en'],
    ['auto', {}, 'en'],
    ['auto', { language: 42 }, 'en'],
    ['en', { language: 'ru-RU' }, 'en'],
    ['pl', { language: 'ru-RU' }, 'pl'],
    ['en', { language: 'en-GB', locale: 'ru' }, 'ru'],
    ['auto', { language: 'pl-PL', locale: 'en' }, 'en'],
    ['pl', { language: 'ru-RU', locale: 'de' }, 'pl'],
  ] as const)('setting %s, context %j → %s', (setting, context, expected) => {
    expect(visitorLocale(setting, context)).toBe(expected)
  })
})

describe('formattingLocale', () => {
  it('keeps the browser tag of the chosen language, else the language itself', () => {
    expect(formattingLocale('en', 'en-GB')).toBe('en-GB')
    expect(formattingLocale('ru', 'ru_RU')).toBe('ru-RU')
    expect(formattingLocale('ru', 'ru-!!')).toBe('ru')
    expect(formattingLocale('ru', 'en-GB')).toBe('ru')
    expect(formattingLocale('en', 'de-DE')).toBe('en')
    expect(formattingLocale('pl', undefined)).toBe('pl')
  })
})
