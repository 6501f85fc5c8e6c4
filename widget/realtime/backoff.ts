/** Reconnect delay: exponential, capped at 10 s, with full jitter so a server restart is not stampeded. */
export function backoffDelay(attempt: number, random: () => number, baseMs = 250, capMs = 10_000): number {
  return Math.floor(random() * Math.min(2 ** attempt * baseMs, capMs))
}
