/** Calendar-date arithmetic without a zone: a local date is just year, month and day. */
import { utcToZoned } from './zoned-time.ts'

export interface LocalDate {
  year: number
  /** 1–12 */
  month: number
  day: number
}

const DAY_MS = 86_400_000

function asUtcMidnight(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day)
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = utcToZoned(instant, timeZone)
  return { year, month, day }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(asUtcMidnight(date) + days * DAY_MS)
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }
}

/** Whole calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((asUtcMidnight(b) - asUtcMidnight(a)) / DAY_MS)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(asUtcMidnight(date)).getUTCDay()
}

const pad = (value: number): string => String(value).padStart(2, '0')

/** `YYYY-MM-DD`, the format of holiday dates and exceptions. */
export function isoDateOf(date: LocalDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`
}

/** `DD.MM`, the format of yearly holidays. */
export function dayMonthOf(date: LocalDate): string {
  return `${pad(date.day)}.${pad(date.month)}`
}
