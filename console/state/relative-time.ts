/**
 * Short "how long ago" labels for the inbox; `now` is passed in so the output is testable, and the
 * words come from the chosen language (issue 5, item 7), English by default.
 */
import { ENGLISH } from '../i18n/english.ts'
import type { I18n } from '../i18n/translate.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

type Words = Pick<I18n, 't' | 'shortDate' | 'time'>

export function relativeTime(then: number, now: number, i18n: Words = ENGLISH): string {
  const { t } = i18n
  const age = Math.max(0, now - then)
  if (age < MINUTE) return t('time.justNow')
  if (age < HOUR) return t('time.minutesAgo', { count: Math.floor(age / MINUTE) })
  if (age < DAY) return t('time.hoursAgo', { count: Math.floor(age / HOUR) })
  if (age < 7 * DAY) return t('time.daysAgo', { count: Math.floor(age / DAY) })
  return i18n.shortDate(then)
}

/** How long someone has been waiting: "under 1 min", "12 min", "2 h 5 min", "3 d". */
export function waitedFor(since: number, now: number, i18n: Words = ENGLISH): string {
  const { t } = i18n
  const age = Math.max(0, now - since)
  if (age < MINUTE) return t('time.underAMinute')
  if (age < HOUR) return t('time.minutes', { count: Math.floor(age / MINUTE) })
  if (age < DAY) {
    const minutes = Math.floor((age % HOUR) / MINUTE)
    const hours = t('time.hours', { count: Math.floor(age / HOUR) })
    return minutes > 0 ? `${hours} ${t('time.minutes', { count: minutes })}` : hours
  }
  return t('time.days', { count: Math.floor(age / DAY) })
}

export function clockTime(at: number, i18n: Words = ENGLISH): string {
  return i18n.time(at)
}
