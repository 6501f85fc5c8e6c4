/**
 * Issue 5 item 7: a refused submission is explained in the visitor's language, every problem the
 * validator can name included (not only the common ones).
 */
import { describe, expect, it } from 'vitest'
import { CATALOGS, LOCALES } from '../i18n/index.ts'
import { localizeFieldErrors } from './localize.ts'
import { type FieldProblems, PROBLEMS, validateSubmission } from './submission-schema.ts'
import { sampleForm } from './test-fixtures.ts'

const hostile = {
  name: 42,
  email: 'nope',
  phone: '12',
  team: 'hr',
  company: 'A',
  seats: 1001,
  topics: ['sales', 'sales'],
  day: '2025-02-30',
  kind: ['sales'],
  cv: '../x',
  terms: 'yes',
  admin: true,
}

describe('localizeFieldErrors', () => {
  it.each(LOCALES)('every problem has a %s text', (locale) => {
    for (const text of PROBLEMS) {
      const rendered = localizeFieldErrors({ f: { text, params: { min: 1, max: 2 } } }, locale).f
      expect(rendered, `${locale} ${text}`).toMatch(/\S/)
      expect(rendered, `${locale} ${text}`).not.toMatch(/[{}]/)
    }
  })

  it.each(['ru', 'pl'] as const)('speaks %s for every field of a hostile submission', (locale) => {
    const result = validateSubmission(sampleForm, { ...hostile, team: 'sales' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const problems: FieldProblems = { ...result.fields, cv2: { text: 'form.attachAgain' } }
    const en = localizeFieldErrors(problems, 'en-GB')
    const localized = localizeFieldErrors(problems, `${locale}-${locale.toUpperCase()}`)
    expect(Object.keys(localized).sort()).toEqual(Object.keys(problems).sort())
    for (const [key, text] of Object.entries(localized)) expect(text, key).not.toBe(en[key])
    expect(localized.seats).toBe(
      CATALOGS[locale]['form.atMost'].replace('{max}', (1000).toLocaleString(locale)),
    )
  })

  it('names the bound in the visitor language and notation', () => {
    const problems: FieldProblems = { seats: { text: 'form.atLeast', params: { min: 1500 } } }
    expect(localizeFieldErrors(problems, 'ru').seats).toBe('Введите число не меньше 1\u00a0500.')
    expect(localizeFieldErrors(problems, 'pl').seats).toBe('Podaj liczbę nie mniejszą niż 1500.')
    expect(localizeFieldErrors(problems, 'en').seats).toBe('Enter 1,500 or more.')
    expect(localizeFieldErrors({ cv: { text: 'form.attachAgain' } }, 'pl').cv).toBe('Załącz plik ponownie.')
    expect(localizeFieldErrors({ day: { text: 'form.invalidDate' } }, 'ru').day).toBe(
      'Введите дату (ГГГГ-ММ-ДД).',
    )
  })
})
