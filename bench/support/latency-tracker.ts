/**
 * Matches each measured message's send time to its receipt(s) by id, on one process clock
 * (performance.now()), and knows when every expected receipt has arrived.
 */
import { performance } from 'node:perf_hooks'
import { type Summary, summarize } from './stats.ts'

export interface LatencyTracker {
  /** Records a measured send; `receivers` receipts are expected for it. */
  sent(id: string, at: number): void
  /** A receipt; ids never sent as measured (warm-up) are ignored. */
  received(id: string, at: number): void
  /** Resolves true when every expected receipt arrived, false at the timeout. */
  drained(timeoutMs: number): Promise<boolean>
  result(): { latency: Summary; sent: number; received: number; missing: number }
}

export function createLatencyTracker(receivers: number): LatencyTracker {
  const sentAt = new Map<string, number>()
  const samples: number[] = []
  let onProgress: (() => void) | undefined
  const expected = () => sentAt.size * receivers
  return {
    sent(id, at) {
      sentAt.set(id, at)
    },
    received(id, at) {
      const start = sentAt.get(id)
      if (start === undefined) return
      samples.push(at - start)
      onProgress?.()
    },
    drained(timeoutMs) {
      if (samples.length >= expected()) return Promise.resolve(true)
      return new Promise((resolve) => {
        const finish = (complete: boolean) => {
          clearTimeout(timer)
          onProgress = undefined
          resolve(complete)
        }
        const timer = setTimeout(() => finish(false), timeoutMs)
        onProgress = () => {
          if (samples.length >= expected()) finish(true)
        }
      })
    },
    result() {
      return {
        latency: summarize(samples),
        sent: sentAt.size,
        received: samples.length,
        missing: Math.max(0, expected() - samples.length),
      }
    },
  }
}

export const now = (): number => performance.now()
