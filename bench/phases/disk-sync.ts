/**
 * Context for phase 3: how fast this disk makes one small append durable. SQLite with
 * synchronous=FULL syncs its WAL on every commit, on the server's main thread, so a message can
 * never be stored faster than this — and when the machine's disk is busy, neither can Openline.
 */
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchConfig } from '../support/bench-config.ts'
import { now } from '../support/latency-tracker.ts'
import { perSecond, summarize } from '../support/stats.ts'
import type { AppendRun } from './store-throughput.ts'

const PAGE = Buffer.alloc(4096, 0x6f)

export function measureDiskSync(
  dir: string,
  config: Pick<BenchConfig, 'appendCount' | 'appendSeconds'>,
): AppendRun {
  const fd = openSync(join(dir, 'disk-sync.bin'), 'w')
  const latencies: number[] = []
  const started = now()
  const deadline = started + config.appendSeconds * 1000
  try {
    while (latencies.length < config.appendCount && now() < deadline) {
      const t = now()
      writeSync(fd, PAGE)
      fdatasyncSync(fd)
      latencies.push(now() - t)
    }
  } finally {
    closeSync(fd)
  }
  const elapsedMs = now() - started
  return {
    inFlight: 1,
    appended: latencies.length,
    elapsedMs,
    perSecond: perSecond(latencies.length, elapsedMs),
    latency: summarize(latencies),
  }
}
