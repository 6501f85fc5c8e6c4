import type { RoutingSettings } from './routing-settings-schema.ts'

/** When an open conversation with no message since `lastActivityAt` is closed; null = never. */
export function autoCloseAt(lastActivityAt: number, settings: RoutingSettings): number | null {
  const minutes = settings.autoCloseInactiveMinutes
  return minutes === 0 ? null : lastActivityAt + minutes * 60_000
}

/** A visitor writing at `now` reopens the conversation closed at `closedAt` (else a new one starts). */
export function canReopen(closedAt: number, settings: RoutingSettings, now: number): boolean {
  return now - closedAt < settings.reopenWindowMinutes * 60_000
}
