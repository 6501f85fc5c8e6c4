import type { RoutingSettings } from './routing-settings-schema.ts'
import type { RoutingOperator } from './types.ts'

/** Online by their own choice and heard from within the heartbeat timeout. */
export function isPresent(operator: RoutingOperator, now: number, presenceTimeoutMs: number): boolean {
  return operator.presence === 'online' && now < presenceExpiresAt(operator, presenceTimeoutMs)
}

/** The instant an `online` operator stops counting as present unless a heartbeat arrives. */
export function presenceExpiresAt(operator: RoutingOperator, presenceTimeoutMs: number): number {
  return operator.lastSeenAt + presenceTimeoutMs
}

export function hasCapacity(operator: RoutingOperator, settings: RoutingSettings): boolean {
  return settings.maxActiveChats === 0 || operator.activeChats < settings.maxActiveChats
}

/** May be given one more conversation now: present, not away, under `maxActiveChats`. */
export function isAvailable(
  operator: RoutingOperator,
  settings: RoutingSettings,
  now: number,
  presenceTimeoutMs: number,
): boolean {
  return isPresent(operator, now, presenceTimeoutMs) && hasCapacity(operator, settings)
}
