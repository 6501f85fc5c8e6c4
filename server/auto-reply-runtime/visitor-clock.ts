/** `{next_opening}` is shown in the visitor's language and time zone, as their browser reported them. */
import type { VisitorClock } from '../auto-replies/index.ts'
import type { Visitor } from '../store/types.ts'

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

export function visitorClock(visitor: Visitor | undefined, now: number): VisitorClock {
  const context = visitor?.context ?? {}
  return { now, locale: text(context.language), timeZone: text(context.timeZone) }
}
