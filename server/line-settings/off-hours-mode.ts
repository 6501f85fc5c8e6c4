/**
 * What the widget does right now under its line's off-hours rule (issue "Open lines", item 2:
 * "accept messages and auto-reply / offer the form instead of chat / hide the widget"). One word
 * for the public widget config (`line.offHours`), so the browser never evaluates working hours.
 */
import { isOpen, offHoursBehaviour } from '../working-hours/index.ts'
import type { LineSettings } from './line-settings-schema.ts'
import { readLineSettings } from './read-line-settings.ts'

/** `chat`: the chat as usual (open, or closed under `accept-and-reply`); `form`: the callback /
 * contact form instead of the chat; `hide`: no launcher at all. */
export type OffHoursMode = 'chat' | 'form' | 'hide'

export function offHoursMode(
  settings: Pick<LineSettings, 'workingHours' | 'offHours'>,
  now: number,
): OffHoursMode {
  const behaviour = offHoursBehaviour(settings.offHours, isOpen(settings.workingHours, now))
  if (!behaviour.showWidget) return 'hide'
  return behaviour.offerForm ? 'form' : 'chat'
}

/** The same from a line's stored settings (`Line.settings` as it is in the store). */
export function lineOffHoursMode(storedSettings: unknown, now: number): OffHoursMode {
  return offHoursMode(readLineSettings(storedSettings), now)
}
