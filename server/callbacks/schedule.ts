/**
 * When to call back (issue 5, item 2): "as soon as possible" means the earliest open instant of the
 * line; a chosen slot must be one of the line's 15-minute slots over the next few business days.
 * Pure functions of the schedule and `now`; the server recomputes the slots on submit, so a slot
 * that passed (or that the admin closed) meanwhile is refused rather than trusted.
 */

import { localDateOf, nextOpening, openSlots, type WorkingHours } from '../working-hours/index.ts'
import { isoDateOf } from '../working-hours/local-date.ts'

export const SLOT_STEP_MINUTES = 15
/** How many business days (days with at least one slot) the picker offers. */
export const DEFAULT_SLOT_DAYS = 3
/** Business days are searched this far ahead (a long holiday still leaves something to pick). */
const LOOKAHEAD_MS = 21 * 24 * 60 * 60_000

/** Due time of an "as soon as possible" request: now while open, else the next opening. */
export function asapDue(hours: WorkingHours, now: number): number {
  // A line that never opens within the search horizon still gets its requests queued for now:
  // an operator seeing it late beats a request that silently never comes due.
  return nextOpening(hours, now) ?? now
}

export interface SlotOptions {
  days?: number
  stepMinutes?: number
}

/** Slot start instants from `now` on, over the first `days` business-local dates that have any. */
export function callbackSlots(hours: WorkingHours, now: number, options: SlotOptions = {}): number[] {
  const days = options.days ?? DEFAULT_SLOT_DAYS
  const step = options.stepMinutes ?? SLOT_STEP_MINUTES
  const dates = new Set<string>()
  const out: number[] = []
  for (const slot of openSlots(hours, now, now + LOOKAHEAD_MS, step)) {
    const date = isoDateOf(localDateOf(slot, hours.timeZone))
    if (!dates.has(date)) {
      if (dates.size === days) break
      dates.add(date)
    }
    out.push(slot)
  }
  return out
}

/** True when `slot` is still one of the slots offered at `now`. */
export function isOfferedSlot(
  hours: WorkingHours,
  now: number,
  slot: number,
  options: SlotOptions = {},
): boolean {
  return callbackSlots(hours, now, options).includes(slot)
}
