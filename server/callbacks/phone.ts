/**
 * Phone numbers are validated and normalised to E.164 on the server (issue 5, item 2: "validated
 * and normalised on the server with libphonenumber-js; only a light check in the widget"). A
 * number written without a country code is read in the default country: the widget's setting,
 * else the region of the visitor's locale.
 */
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js'

/** Languages spoken mainly in one country, for locales that name no region (`pl`, `ru`). */
const LANGUAGE_COUNTRY: Record<string, string> = {
  pl: 'PL',
  ru: 'RU',
  uk: 'UA',
  de: 'DE',
  fr: 'FR',
  cs: 'CZ',
}

export function countryFromLocale(locale: string | null | undefined): CountryCode | undefined {
  if (!locale) return undefined
  const [language = '', ...rest] = locale.split(/[-_]/)
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase()
  const candidate = region ?? LANGUAGE_COUNTRY[language.toLowerCase()]
  return candidate && isSupportedCountry(candidate) ? candidate : undefined
}

export function asCountry(code: string | null | undefined): CountryCode | undefined {
  return code && isSupportedCountry(code) ? code : undefined
}

/** The number in E.164 (`+48601234567`), or undefined when it is not a valid number. */
export function normalisePhone(input: string, defaultCountry?: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry)
  return parsed?.isValid() ? parsed.number : undefined
}
