/** Real timers by default; tests pass a scheduler they advance by hand (see test-kit.ts). */
export interface RuntimeTimers {
  set(run: () => void, delayMs: number): { cancel(): void }
}

/** Node caps setTimeout at 2^31-1 ms (~24.8 days); a longer wait fires early and is re-armed then. */
const MAX_DELAY_MS = 2_147_483_647

export const realTimers: RuntimeTimers = {
  set(run, delayMs) {
    const timer = setTimeout(run, Math.min(delayMs, MAX_DELAY_MS))
    // A pending reply must not keep a stopping process alive; the restart re-arms it.
    timer.unref()
    return { cancel: () => clearTimeout(timer) }
  },
}
