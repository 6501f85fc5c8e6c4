/**
 * `linePeriod` for a hot path (the auto-reply runtime asks on every visitor message). A period is
 * the same answer for every instant inside it, [since, until), so the last one per schedule is
 * reused until it ends; zone conversions through `Intl` were a fifth of the server's event loop in
 * the delivery bench (bench/README.md). Exact: outside a remembered period it asks `linePeriod`.
 */
import { type LinePeriod, linePeriod } from './transitions.ts'
import type { WorkingHours } from './working-hours-schema.ts'

type Instant = number

/** Remembers at most this many schedules (one per line in practice); the oldest goes first. */
const MAX_SCHEDULES = 1_000

export function createLinePeriodMemo(
  compute: (hours: WorkingHours, now: Instant) => LinePeriod = linePeriod,
  max = MAX_SCHEDULES,
): (hours: WorkingHours, now: Instant) => LinePeriod {
  const remembered = new Map<string, LinePeriod>()
  return (hours, now) => {
    const key = JSON.stringify(hours)
    const known = remembered.get(key)
    if (known && known.since !== null && known.until !== null && known.since <= now && now < known.until) {
      return known
    }
    const period = compute(hours, now)
    remembered.delete(key)
    remembered.set(key, period)
    if (remembered.size > max) remembered.delete(remembered.keys().next().value as string)
    return period
  }
}
