/**
 * Turns a schedule into the instants it is open. Each local day contributes the intervals that START
 * on it (so a night shift belongs to the day it begins on); touching or overlapping intervals from
 * neighbouring days merge into one open period.
 */
import { addDays, dayMonthOf, isoDateOf, type LocalDate, weekdayOf } from './local-date.ts'
import { type TimeInterval, WEEKDAYS, type WorkingHours } from './working-hours-schema.ts'
import { zonedTimeToUtc } from './zoned-time.ts'

export interface OpenPeriod {
  /** First open instant (ms epoch). */
  start: number
  /** First closed instant after `start`; `Infinity` when always open. */
  end: number
  /** False when days before the searched range could have extended the period backwards. */
  startKnown: boolean
  /** False when days after the searched range could extend it. */
  endKnown: boolean
}

/** Which intervals start on a date: exception, else holiday (closed), else day off, else the week. */
export function intervalsOn(hours: WorkingHours, date: LocalDate): TimeInterval[] {
  const iso = isoDateOf(date)
  // The most specific rule wins: special hours set for this very date beat a recurring holiday.
  const exception = hours.exceptions.find((candidate) => candidate.date === iso)
  if (exception) return exception.intervals
  if (hours.holidays.dates.includes(iso) || hours.holidays.yearly.includes(dayMonthOf(date))) return []
  const weekday = WEEKDAYS[weekdayOf(date)]!
  if (hours.daysOff.includes(weekday)) return []
  return hours.weekly[weekday]
}

function parseClock(value: string): { hour: number; minute: number } {
  return { hour: Number(value.slice(0, 2)), minute: Number(value.slice(3, 5)) }
}

function localInstant(date: LocalDate, clock: string, timeZone: string): number {
  return zonedTimeToUtc({ ...date, ...parseClock(clock) }, timeZone)
}

/** The intervals starting on `date` as instants, sorted; empty ones (inside a DST gap) dropped. */
export function instantsOn(hours: WorkingHours, date: LocalDate): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = []
  for (const interval of intervalsOn(hours, date)) {
    const start = localInstant(date, interval.from, hours.timeZone)
    // '24:00' sorts after every 'HH:MM' start, so it stays on the same day as Date.UTC's hour 24.
    const endDate = interval.to <= interval.from ? addDays(date, 1) : date
    const end = localInstant(endDate, interval.to, hours.timeZone)
    if (end > start) out.push({ start, end })
  }
  return out.sort((a, b) => a.start - b.start)
}

function midnightAfter(date: LocalDate, timeZone: string): number {
  return zonedTimeToUtc({ ...addDays(date, 1), hour: 0, minute: 0 }, timeZone)
}

/**
 * Merged open periods from the intervals starting on `first` … `last` (local dates), in order.
 * Lazy, so a search stops as soon as it has its answer.
 */
export function* openPeriods(hours: WorkingHours, first: LocalDate, last: LocalDate): Generator<OpenPeriod> {
  if (hours.alwaysOpen) {
    const start = zonedTimeToUtc({ ...first, hour: 0, minute: 0 }, hours.timeZone)
    yield { start, end: Number.POSITIVE_INFINITY, startKnown: false, endKnown: false }
    return
  }
  // Intervals from the day before `first` end before midnight after `first`.
  const earliestKnownStart = midnightAfter(first, hours.timeZone)
  let pending: OpenPeriod | undefined
  for (let date = first; isoDateOf(date) <= isoDateOf(last); date = addDays(date, 1)) {
    for (const interval of instantsOn(hours, date)) {
      if (pending && interval.start <= pending.end) {
        pending.end = Math.max(pending.end, interval.end)
        continue
      }
      if (pending) yield pending
      pending = { ...interval, startKnown: interval.start >= earliestKnownStart, endKnown: true }
    }
  }
  if (pending) {
    // Intervals from the day after `last` start at or after its closing midnight.
    pending.endKnown = pending.end < midnightAfter(last, hours.timeZone)
    yield pending
  }
}
