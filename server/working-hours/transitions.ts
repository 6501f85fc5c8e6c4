/**
 * Is the line open, and when does that change? (issue "Open lines"). Every answer is a pure function
 * of the schedule and `now`; searches look at most `SEARCH_HORIZON_DAYS` ahead or back.
 */
import { addDays, type LocalDate, localDateOf } from './local-date.ts'
import { type OpenPeriod, openPeriods } from './open-periods.ts'
import type { WorkingHours } from './working-hours-schema.ts'

export const SEARCH_HORIZON_DAYS = 366

type Instant = number | Date

const toMs = (instant: Instant): number => (typeof instant === 'number' ? instant : instant.getTime())

/** The first period that is still open at or after `now`, looking `days` ahead. */
function firstPeriodFrom(hours: WorkingHours, now: number, days: number): OpenPeriod | undefined {
  const today = localDateOf(now, hours.timeZone)
  // Yesterday's night shift may still be running.
  for (const period of openPeriods(hours, addDays(today, -1), addDays(today, days))) {
    if (period.end > now) return period
  }
  return undefined
}

export function isOpen(hours: WorkingHours, now: Instant): boolean {
  const ms = toMs(now)
  const period = firstPeriodFrom(hours, ms, 0)
  return period !== undefined && period.start <= ms
}

/** The earliest instant at or after `now` when the line is open (`now` itself while open), or null. */
export function nextOpening(hours: WorkingHours, now: Instant): number | null {
  const ms = toMs(now)
  const period = firstPeriodFrom(hours, ms, SEARCH_HORIZON_DAYS)
  if (!period) return null
  return Math.max(period.start, ms)
}

/** The earliest instant at or after `now` when the line is closed (`now` itself while closed), or null. */
export function nextClosing(hours: WorkingHours, now: Instant): number | null {
  const ms = toMs(now)
  const period = firstPeriodFrom(hours, ms, SEARCH_HORIZON_DAYS)
  if (!period || period.start > ms) return ms
  return period.endKnown ? period.end : null
}

/**
 * Scans back from `now`, first a week then the whole horizon, for the last period starting at or
 * before `now` whose relevant edge is certain.
 */
function lookBack(
  hours: WorkingHours,
  now: number,
  pick: (periods: OpenPeriod[]) => number | null | undefined,
): number | null {
  if (hours.alwaysOpen) return null
  const today: LocalDate = localDateOf(now, hours.timeZone)
  for (const days of [8, SEARCH_HORIZON_DAYS]) {
    const periods: OpenPeriod[] = []
    for (const period of openPeriods(hours, addDays(today, -days), today)) {
      if (period.start > now) break
      periods.push(period)
    }
    const answer = pick(periods)
    if (answer !== undefined) return answer
  }
  return null
}

/** The latest instant at or before `now` when the line opened, or null (always open / not within the horizon). */
export function lastOpening(hours: WorkingHours, now: Instant): number | null {
  return lookBack(hours, toMs(now), (periods) => {
    const last = periods.at(-1)
    return last?.startKnown ? last.start : undefined
  })
}

/** The latest instant at or before `now` when the line closed, or null. */
export function lastClosing(hours: WorkingHours, now: Instant): number | null {
  const ms = toMs(now)
  return lookBack(hours, ms, (periods) => periods.findLast((period) => period.end <= ms)?.end)
}

export interface LinePeriod {
  open: boolean
  /** When the current open or closed period began; null when not within the horizon. */
  since: number | null
  /** When it ends (next closing while open, next opening while closed); null when not within the horizon. */
  until: number | null
}

/** The current open or closed period, as the auto-replies need it. */
export function linePeriod(hours: WorkingHours, now: Instant): LinePeriod {
  const open = isOpen(hours, now)
  return open
    ? { open, since: lastOpening(hours, now), until: nextClosing(hours, now) }
    : { open, since: lastClosing(hours, now), until: nextOpening(hours, now) }
}
