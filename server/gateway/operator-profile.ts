/**
 * An operator's new name or avatar reaches the sockets they already have open (issue 3 audit): the
 * gateway keeps the operator record it authenticated the socket with, and replies carry that
 * record's name and avatar, so without this a rename showed only after a reconnect.
 */
import type { Bus } from '../bus/types.ts'
import type { Operator } from '../store/types.ts'
import type { GatewaySocket } from './gateway-socket.ts'

/** Node-wide control channel, like the session-end one: never fanned out to sockets. */
export const OPERATOR_PROFILE_CHANNEL = 'ws:operators:profile'

export function publishOperatorProfile(bus: Bus, operator: Operator): Promise<void> {
  return bus.publish(OPERATOR_PROFILE_CHANNEL, {
    operatorId: operator.id,
    name: operator.name,
    avatarUrl: operator.avatarUrl,
  })
}

/** Updates the operator record of this node's sockets of `payload.operatorId`; junk is ignored. */
export function applyOperatorProfile(
  clients: Iterable<GatewaySocket>,
  payload: Record<string, unknown>,
): void {
  const { operatorId, name, avatarUrl } = payload
  if (typeof operatorId !== 'string' || typeof name !== 'string') return
  if (avatarUrl !== null && typeof avatarUrl !== 'string') return
  for (const ws of clients) {
    const actor = ws.conn?.actor
    if (actor?.kind !== 'operator' || actor.operator.id !== operatorId) continue
    ws.conn!.actor = { ...actor, operator: { ...actor.operator, name, avatarUrl } }
  }
}
