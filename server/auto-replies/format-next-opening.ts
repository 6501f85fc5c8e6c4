/**
 * `{next_opening}` for the visitor: their language and their time zone, not the business's
 * (issue "Open lines"). A weekday and time ("Monday 9:00 AM", "понедельник 17:00") within the coming
 * week; the date too when it is further away, where a weekday alone would be ambiguous.
 */
import { daysBetween, isValidTimeZone, localDateOf } from '../working-hours/index.ts'

export interface VisitorClock {
  /** The instant "now" (ms epoch); the distance to the opening decides whether to show the date. */
  now: number
  /** BCP 47 tag from the visitor's browser; malformed or missing → English. */
  locale?: string | null
  /** IANA zone from the visitor's browser; unknown or missing → UTC. */
  timeZone?: string | null
}

export function resolveLocale(locale: string | null | undefined): string {
  if (!locale) return 'en'
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en'
  } catch (error) {
    if (error instanceof RangeError) return 'en'
    throw error
  }
}

export function formatNextOpening(instant: number, visitor: VisitorClock): string {
  const timeZone = visitor.timeZone && isValidTimeZone(visitor.timeZone) ? visitor.timeZone : 'UTC'
  const locale = resolveLocale(visitor.locale)
  const today = localDateOf(visitor.now, timeZone)
  const day = localDateOf(instant, timeZone)
  const days = daysBetween(today, day)
  // Two-digit hours read well on a 24-hour clock ("09:00"), badly on a 12-hour one ("09:00 AM").
  const { hourCycle } = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric' }).resolvedOptions()
  const twelveHour = hourCycle === 'h11' || hourCycle === 'h12'
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    weekday: 'long',
    hour: twelveHour ? 'numeric' : '2-digit',
    minute: '2-digit',
  }
  if (days > 6 || days < 0) {
    options.day = 'numeric'
    options.month = 'long'
    if (day.year !== today.year) options.year = 'numeric'
  }
  return new Intl.DateTimeFormat(locale, options).format(instant)
}
