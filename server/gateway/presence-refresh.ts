/**
 * Keeps the stored presence of this node's operators fresh (issue "Open lines"): routing on any
 * node counts an `online` operator as gone once their `lastSeenAt` is older than the presence
 * timeout (a node that crashed stops refreshing). One store write per node per heartbeat for all
 * its connected operators, never one per socket.
 */
export interface PresenceRefreshDeps {
  intervalMs: number
  /** The operators with at least one open socket on this node. */
  operatorIds(): string[]
  refresh(operatorIds: string[]): Promise<void>
  /** Registers the write so shutdown waits for it. */
  track(promise: Promise<void>): void
  onError(error: unknown): void
}

export function startPresenceRefresh(deps: PresenceRefreshDeps): () => void {
  let inFlight = false
  const timer = setInterval(() => {
    const ids = deps.operatorIds()
    // A slow database must not pile up refreshes: skip a beat while the last one is running.
    if (ids.length === 0 || inFlight) return
    inFlight = true
    deps.track(
      deps
        .refresh(ids)
        .catch(deps.onError)
        .finally(() => {
          inFlight = false
        }),
    )
  }, deps.intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
