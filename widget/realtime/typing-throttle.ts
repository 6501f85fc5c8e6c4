import type { Timers } from './types.ts'

export interface TypingThrottle {
  /** A keystroke: sends `true` at most every `everyMs`, and `false` after `idleMs` without one. */
  input(): void
  /** Stopped typing (sent the message, closed the panel): sends `false` if `true` was the last sent. */
  stop(): void
  /** The connection dropped: the server forgot the typing state, so nothing needs to be sent. */
  reset(): void
}

export function createTypingThrottle(opts: {
  timers: Timers
  now: () => number
  send: (typing: boolean) => void
  everyMs?: number
  idleMs?: number
}): TypingThrottle {
  const everyMs = opts.everyMs ?? 3000
  const idleMs = opts.idleMs ?? 4000
  let active = false
  let lastSent = 0
  let idle: unknown = null
  const clearIdle = () => {
    if (idle !== null) opts.timers.clearTimeout(idle)
    idle = null
  }
  const stop = () => {
    clearIdle()
    if (!active) return
    active = false
    opts.send(false)
  }
  return {
    input() {
      const now = opts.now()
      if (!active || now - lastSent >= everyMs) {
        active = true
        lastSent = now
        opts.send(true)
      }
      clearIdle()
      idle = opts.timers.setTimeout(stop, idleMs)
    },
    stop,
    reset() {
      clearIdle()
      active = false
    },
  }
}
