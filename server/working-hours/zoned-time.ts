/**
 * Wall clock ⇄ instant in an IANA time zone, with nothing but `Intl` (issue "Open lines": working
 * hours are stated in the business's local time, every decision is made on ms epoch instants).
 *
 * Wall times that do not exist (the spring-forward gap) resolve to the first instant after the gap;
 * wall times that occur twice (the fall-back overlap) resolve to the earlier instant. See
 * docs/lines.md, "Working hours".
 */

export interface WallTime {
  year: number
  /** 1–12 */
  month: number
  day: number
  /** 0–24; 24:00 is midnight at the end of the day (overflowing fields roll over like `Date.UTC`). */
  hour: number
  minute: number
  second?: number
}

export interface ZonedTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
  weekday: number
}

const DAY_MS = 86_400_000

// Building an Intl.DateTimeFormat costs far more than using one, and a schedule search converts
// thousands of instants; the cache only holds immutable formatters keyed by zone name.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** True when `Intl` knows the zone (IANA names such as `Europe/Warsaw`, and `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch (error) {
    if (error instanceof RangeError) return false
    throw error
  }
}

function wallToMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0)
}

function toMs(instant: number | Date): number {
  return typeof instant === 'number' ? instant : instant.getTime()
}

// `en-US` with h23 prints "M/D/YYYY, HH:MM:SS"; parsing that is several times faster than
// formatToParts, which stays as the fallback should an ICU update change the punctuation.
const EN_US_DIGITS = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/

type WallFields = [year: number, month: number, day: number, hour: number, minute: number, second: number]

function wallFields(formatter: Intl.DateTimeFormat, wholeSecond: number): WallFields {
  const match = EN_US_DIGITS.exec(formatter.format(wholeSecond))
  if (match) {
    const [, month, day, year, hour, minute, second] = match.map(Number)
    return [year!, month!, day!, hour!, minute!, second!]
  }
  const fields: Record<string, number> = {}
  for (const part of formatter.formatToParts(wholeSecond)) fields[part.type] = Number(part.value)
  return [fields.year!, fields.month!, fields.day!, fields.hour!, fields.minute!, fields.second!]
}

/** The local calendar date and clock time of an instant in the zone. */
export function utcToZoned(instant: number | Date, timeZone: string): ZonedTime {
  const ms = toMs(instant)
  const wholeSecond = Math.floor(ms / 1000) * 1000
  const [year, month, day, hour, minute, second] = wallFields(formatterFor(timeZone), wholeSecond)
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  return { year, month, day, hour, minute, second, millisecond: ms - wholeSecond, weekday }
}

/** Local time minus UTC at the instant, in ms (e.g. 3_600_000 for CET). */
export function zoneOffsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000
  return wallToMs(utcToZoned(wholeSecond, timeZone)) - wholeSecond
}

/** The instant at which the zone's clocks show `wall`; gap → first instant after it, overlap → earlier. */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): number {
  const naive = wallToMs(wall)
  // Real zones change offset at most once within a day either side of a wall time. With the offset
  // from a day before, the candidate is right unless a change lies in between; in an overlap it is
  // the earlier of the two readings, because the earlier offset is the larger one.
  const before = zoneOffsetAt(naive - DAY_MS, timeZone)
  const first = naive - before
  const firstOffset = zoneOffsetAt(first, timeZone)
  if (firstOffset === before) return first
  const second = naive - firstOffset
  if (zoneOffsetAt(second, timeZone) === firstOffset) return second
  // Neither reading exists: a spring-forward gap between `second` (old offset) and `first` (new).
  return firstInstantWithOffset(Math.min(first, second), Math.max(first, second), firstOffset, timeZone)
}

/** Binary search (to the second) for the transition: `low` has the old offset, `high` the new one. */
function firstInstantWithOffset(low: number, high: number, offset: number, timeZone: string): number {
  let lo = low
  let hi = high
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000
    if (zoneOffsetAt(mid, timeZone) === offset) hi = mid
    else lo = mid
  }
  return hi
}
