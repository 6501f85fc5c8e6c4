/**
 * Phase 3 for one storage backend: `store.appendMessage` in this process (sequential and
 * concurrent), then — given a server child on the same data — the WebSocket path.
 */
import type { Store } from '../../server/store/index.ts'
import type { BenchConfig } from '../support/bench-config.ts'
import type { ServerLoad } from '../support/child-process.ts'
import type { OpenlineTarget } from '../support/openline-target.ts'
import { type SeededWorkspace, seedWorkspace } from '../support/seed.ts'
import type { Summary } from '../support/stats.ts'
import { measureDiskSync } from './disk-sync.ts'
import { measureAppends } from './store-throughput.ts'
import { runWsThroughput } from './ws-throughput.ts'

export interface ThroughputRow {
  storage: 'SQLite' | 'PostgreSQL' | 'disk'
  path: 'store.appendMessage' | 'WebSocket send→ack' | '4 KiB append + fdatasync'
  /** "1", "50", "50×4" (sockets × frames in flight each). */
  inFlight: string
  messages: number
  perSecond: number
  latency: Summary
  errors: number
  /** The server child's load for the WebSocket path; null for the in-process store runs. */
  server: ServerLoad | null
}

type Storage = Exclude<ThroughputRow['storage'], 'disk'>

/** Seeds the workspace of the throughput runs (store and WebSocket) into a migrated store. */
export function seedThroughput(store: Store, config: BenchConfig, secret: string): Promise<SeededWorkspace> {
  return seedWorkspace(store, {
    secret,
    activeVisitors: Math.max(config.concurrency, config.wsSockets),
    idleVisitors: 0,
    now: Date.now(),
  })
}

/** Sequential and concurrent appends on the seeded conversations. */
export async function storeThroughput(
  storage: Storage,
  store: Store,
  seeded: SeededWorkspace,
  config: BenchConfig,
): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = []
  for (const inFlight of [1, config.concurrency]) {
    const run = await measureAppends(store, seeded.workspaceId, seeded.active, inFlight, config)
    rows.push({
      storage,
      path: 'store.appendMessage',
      inFlight: String(inFlight),
      messages: run.appended,
      perSecond: run.perSecond,
      latency: run.latency,
      errors: 0,
      server: null,
    })
  }
  return rows
}

export async function wsThroughput(
  storage: Storage,
  target: OpenlineTarget,
  config: BenchConfig,
): Promise<ThroughputRow> {
  const run = await runWsThroughput(config, target)
  return {
    storage,
    path: 'WebSocket send→ack',
    inFlight: `${run.sockets}×${run.inflightPerSocket}`,
    messages: run.acked,
    perSecond: run.perSecond,
    latency: run.ackLatency,
    errors: run.errors,
    server: run.server,
  }
}

/** The disk's own durable-append rate: the ceiling under every SQLite row. */
export function diskSyncRow(dir: string, config: BenchConfig): ThroughputRow {
  const run = measureDiskSync(dir, config)
  return {
    storage: 'disk',
    path: '4 KiB append + fdatasync',
    inFlight: '1',
    messages: run.appended,
    perSecond: run.perSecond,
    latency: run.latency,
    errors: 0,
    server: null,
  }
}
