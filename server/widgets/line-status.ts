/**
 * What the widget needs to know about its line (issue 5, item 1): open now, when it next opens, and
 * a rough wait estimate that makes the launcher put callback and form ahead of chat.
 *
 * The estimate is deliberately simple (docs/configuration.md, "Widget settings"): while the line is
 * open, MINUTES_PER_WAITING minutes for every conversation already waiting in its queue, or the
 * age of the oldest waiting one if that is longer; 0 with an empty queue; null while closed (there
 * is no wait to estimate — `nextOpening` says when).
 */
import { type LineSettings, type OffHoursMode, offHoursMode } from '../line-settings/index.ts'
import { isOpen, nextOpening, type WorkingHours } from '../working-hours/index.ts'

export const MINUTES_PER_WAITING = 3

export interface LineStatus {
  open: boolean
  nextOpening: number | null
  estimatedWaitMinutes: number | null
  /**
   * Only while closed: what the line's off-hours rule makes the widget do (issue 4, item 2) —
   * `chat` (accept and auto-reply), `form` (the off-hours form instead of chat), `hide`.
   */
  offHours?: OffHoursMode
}

export function lineStatus(hours: WorkingHours, waitingSince: number[], now: number): LineStatus {
  const open = isOpen(hours, now)
  if (!open) return { open, nextOpening: nextOpening(hours, now), estimatedWaitMinutes: null }
  const oldest = waitingSince.length > 0 ? Math.min(...waitingSince) : now
  const minutes = Math.max(waitingSince.length * MINUTES_PER_WAITING, (now - oldest) / 60_000)
  return { open, nextOpening: null, estimatedWaitMinutes: Math.ceil(minutes) }
}

/** The status of a line from its settings: `lineStatus` plus the off-hours mode while closed. */
export function lineStatusOf(
  settings: Pick<LineSettings, 'workingHours' | 'offHours'>,
  waitingSince: number[],
  now: number,
): LineStatus {
  const status = lineStatus(settings.workingHours, waitingSince, now)
  return status.open ? status : { ...status, offHours: offHoursMode(settings, now) }
}
