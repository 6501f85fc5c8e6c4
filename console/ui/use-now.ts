import { useEffect, useState } from 'preact/hooks'
import type { Timers } from '../realtime/index.ts'

/** The current time, refreshed every `everyMs`: enough for "5 min ago" labels and local clocks. */
export function useNow(clock: { now(): number }, timers: Timers, everyMs: number): number {
  const [now, setNow] = useState(() => clock.now())
  useEffect(() => {
    let handle: unknown = null
    const tick = () => {
      setNow(clock.now())
      handle = timers.setTimeout(tick, everyMs)
    }
    handle = timers.setTimeout(tick, everyMs)
    return () => timers.clearTimeout(handle)
  }, [clock, timers, everyMs])
  return now
}
