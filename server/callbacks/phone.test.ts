import { describe, expect, it } from 'vitest'
import { asCountry, countryFromLocale, normalisePhone } from './phone.ts'

describe('normalisePhone', () => {
  it('normalises an international number whatever the default country', () => {
    expect(normalisePhone('+48 601 234 567')).toBe('+48601234567')
    expect(normalisePhone('+48 (601) 234-567', 'US')).toBe('+48601234567')
  })

  it('reads a national number in the default country', () => {
    expect(normalisePhone('601 234 567', 'PL')).toBe('+48601234567')
    expect(normalisePhone('8 (912) 345-67-89', 'RU')).toBe('+79123456789')
    expect(normalisePhone('(201) 555-0123', 'US')).toBe('+12015550123')
  })

  it('refuses what is not a phone number', () => {
    expect(normalisePhone('601 234 567')).toBeUndefined() // no country to read it in
    expect(normalisePhone('+48 12', 'PL')).toBeUndefined()
    expect(normalisePhone('call me maybe', 'PL')).toBeUndefined()
    expect(normalisePhone('+999 123 456 789')).toBeUndefined()
  })
})

describe('countryFromLocale', () => {
  it.each([
    ['pl-PL', 'PL'],
    ['en-GB', 'GB'],
    ['ru', 'RU'],
    ['pl', 'PL'],
    ['en', undefined],
    ['zh-Hant-TW', 'TW'],
    [undefined, undefined],
    ['xx-ZZ', undefined],
  ])('%s → %s', (locale, country) => {
    expect(countryFromLocale(locale)).toBe(country)
  })

  it('accepts only supported country codes', () => {
    expect(asCountry('PL')).toBe('PL')
    expect(asCountry('ZZ')).toBeUndefined()
  })
})
