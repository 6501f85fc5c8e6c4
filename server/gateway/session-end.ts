/**
 * Issue "Open lines" (presence must not outlive the person): an operator's sockets close, with a
 * reason, when their session ends — signed out on any node (a bus message every node hears) or
 * expired (checked on the gateway's heartbeat tick, no timer per socket).
 */
import type { Bus } from '../bus/types.ts'
import { CLOSE_CODES } from '../protocol/messages.ts'
import type { GatewaySocket } from './gateway-socket.ts'

/** Node-wide control channel: not a client channel, never fanned out to sockets as it is. */
export const SESSION_END_CHANNEL = 'ws:sessions:ended'

export const SESSION_END_REASONS = { signedOut: 'signed out', expired: 'session expired' } as const

/** Tell every node that a session is gone (the sign-out route calls it after deleting the session). */
export function publishSessionEnded(bus: Bus, sessionId: string): Promise<void> {
  return bus.publish(SESSION_END_CHANNEL, { sessionId })
}

/** Closes the local sockets of `sessionId`. */
export function closeSessionSockets(
  clients: Iterable<GatewaySocket>,
  sessionId: string,
  reason: string,
): void {
  for (const ws of clients) {
    if (ws.conn?.session?.id === sessionId) ws.close(CLOSE_CODES.unauthorized, reason)
  }
}

/** Closes the local sockets whose session expired by `now`. */
export function closeExpiredSessions(clients: Iterable<GatewaySocket>, now: number): void {
  for (const ws of clients) {
    const session = ws.conn?.session
    if (session && session.expiresAt <= now) ws.close(CLOSE_CODES.unauthorized, SESSION_END_REASONS.expired)
  }
}
