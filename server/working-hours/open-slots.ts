/**
 * Slot start instants for the callback form (issue "Open lines": "call me back at…", 15-minute steps
 * over the next business days). Slots step in real minutes from each opening, so a DST switch inside
 * an open period neither repeats nor skips a slot; each slot fits wholly inside the open period.
 */
import { addDays, localDateOf } from './local-date.ts'
import { openPeriods } from './open-periods.ts'
import type { WorkingHours } from './working-hours-schema.ts'

/** Keeps a careless range (a year in 1-minute steps) from building a huge array. */
export const MAX_SLOTS = 5000

type Instant = number | Date

const toMs = (instant: Instant): number => (typeof instant === 'number' ? instant : instant.getTime())

/** Start instants (ms) of `stepMinutes`-long open slots starting in [from, to), at most `MAX_SLOTS`. */
export function openSlots(hours: WorkingHours, from: Instant, to: Instant, stepMinutes: number): number[] {
  if (!Number.isInteger(stepMinutes) || stepMinutes < 1) {
    throw new RangeError(`stepMinutes must be a positive whole number, got ${stepMinutes}`)
  }
  const start = toMs(from)
  const end = toMs(to)
  const step = stepMinutes * 60_000
  const slots: number[] = []
  if (end <= start) return slots
  const first = addDays(localDateOf(start, hours.timeZone), -1)
  const last = localDateOf(end, hours.timeZone)
  for (const period of openPeriods(hours, first, last)) {
    if (period.start >= end) break
    if (period.end <= start) continue
    const skipped = period.start < start ? Math.ceil((start - period.start) / step) : 0
    for (let slot = period.start + skipped * step; slot < end && slot + step <= period.end; slot += step) {
      if (slots.length === MAX_SLOTS) return slots
      slots.push(slot)
    }
  }
  return slots
}
