import { describe, expect, it } from 'vitest'
import { en } from './en.ts'
import { pickLocale } from './locale.ts'
import { ru } from './ru.ts'
import { createI18n } from './translate.ts'
import type { Message } from './types.ts'

const placeholders = (m: Message) =>
  [
    ...new Set((typeof m === 'string' ? [m] : Object.values(m)).flatMap((s) => s?.match(/\{\w+\}/g) ?? [])),
  ].sort()

describe('console catalogs (issue 5, item 7)', () => {
  it('ru has exactly the keys of en', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort())
  })

  it('every ru message uses the same placeholders as its en source, and no message is empty', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]))
      expect(typeof ru[key] === 'string' ? ru[key] : ru[key].other, key).not.toBe('')
    }
  })

  it('plural messages in ru have the one, few and many forms Russian needs', () => {
    for (const [key, m] of Object.entries(ru)) {
      if (typeof m === 'string') continue
      expect(Object.keys(m).sort(), key).toEqual(['few', 'many', 'one', 'other'])
    }
  })
})

describe('t', () => {
  it('fills placeholders and picks plural forms by count', () => {
    const { t } = createI18n('ru', ru)
    expect(t('time.days', { count: 1 })).toBe('1 день')
    expect(t('time.days', { count: 3 })).toBe('3 дня')
    expect(t('time.days', { count: 5 })).toBe('5 дней')
    expect(t('time.days', { count: 21 })).toBe('21 день')
    expect(t('names.visitor', { id: 'AB12' })).toBe('Посетитель AB12')
    expect(createI18n('en', en).t('composer.quickAnswersHelp', { count: 1 })).toMatch(/^1 quick answer:/)
  })

  it('formats dates in the chosen language', () => {
    const at = Date.UTC(2025, 2, 12, 12, 0)
    expect(createI18n('en', en).shortDate(at)).toBe('Mar 12')
    expect(createI18n('ru', ru).shortDate(at)).toBe('12 мар.')
  })
})

describe('pickLocale', () => {
  it('prefers the explicit choice, then a Russian browser, else English', () => {
    expect(pickLocale('ru', ['en-US'])).toBe('ru')
    expect(pickLocale('en', ['ru-RU'])).toBe('en')
    expect(pickLocale(null, ['ru-RU', 'en'])).toBe('ru')
    expect(pickLocale(null, ['ru'])).toBe('ru')
    expect(pickLocale('xx', ['de-DE', 'ru'])).toBe('en')
    expect(pickLocale(null, [])).toBe('en')
  })
})
