/**
 * Reconnect delays: exponential, capped, with "equal jitter" (half fixed, half random) so a server
 * restart does not get every console and widget back in the same millisecond, yet no client
 * retries instantly in a tight loop.
 */
export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 }

/** `attempt` counts failures since the last successful session, starting at 0. */
export function backoffDelay(attempt: number, random: () => number, policy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
