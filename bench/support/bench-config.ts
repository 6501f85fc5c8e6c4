/**
 * Every size and duration of `npm run bench`, read once from the environment (documented in
 * bench/README.md). Defaults keep the whole run on a 2-core machine under ~5 minutes.
 */

export const PHASES = ['floor', 'delivery', 'throughput', 'memory'] as const
export type Phase = (typeof PHASES)[number]

export interface BenchConfig {
  /** Measured seconds of paced load (floor and delivery); each client sends one message per second. */
  seconds: number
  /** Rounds sent before measuring starts (connections and JIT warm up). */
  warmupSeconds: number
  /** Concurrent sockets of the paced load: echo clients, and visitors with one conversation each. */
  clients: number
  /** Operator sockets of the workspace receiving every message.created. */
  operators: number
  /** Idle authenticated visitor sockets for the memory phase. */
  idleConnections: number
  /** Upper bound of appends per throughput run… */
  appendCount: number
  /** …and of its duration, whichever comes first. */
  appendSeconds: number
  /** Appends in flight in the concurrent store run. */
  concurrency: number
  /** Visitor sockets of the WebSocket throughput run, each with `wsInflight` sends unacknowledged. */
  wsSockets: number
  wsInflight: number
  phases: readonly Phase[]
  /** PostgreSQL for the store and WebSocket throughput runs; skipped when unset. */
  databaseUrl: string | undefined
}

/** [variable, default, least allowed value]; only the warm-up may be switched off with 0. */
const INTEGERS = {
  seconds: ['BENCH_SECONDS', 15, 1],
  warmupSeconds: ['BENCH_WARMUP_SECONDS', 2, 0],
  clients: ['BENCH_CLIENTS', 1000, 1],
  operators: ['BENCH_OPERATORS', 2, 1],
  idleConnections: ['BENCH_IDLE_CONNECTIONS', 5000, 1],
  appendCount: ['BENCH_APPEND_COUNT', 5000, 1],
  appendSeconds: ['BENCH_APPEND_SECONDS', 5, 1],
  concurrency: ['BENCH_CONCURRENCY', 50, 1],
  wsSockets: ['BENCH_WS_SOCKETS', 50, 1],
  wsInflight: ['BENCH_WS_INFLIGHT', 4, 1],
} as const

type IntegerKey = keyof typeof INTEGERS

export function readBenchConfig(env: Record<string, string | undefined>): BenchConfig {
  const numbers = {} as Record<IntegerKey, number>
  for (const key of Object.keys(INTEGERS) as IntegerKey[]) {
    const [name, fallback, min] = INTEGERS[key]
    numbers[key] = integer(name, env[name], fallback, min)
  }
  return { ...numbers, phases: readPhases(env.BENCH_PHASES), databaseUrl: env.TEST_DATABASE_URL || undefined }
}

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`Invalid ${name}=${JSON.stringify(raw)}: expected an integer ≥ ${min}`)
  }
  return value
}

function readPhases(raw: string | undefined): readonly Phase[] {
  if (!raw) return PHASES
  const names = raw.split(',').map((s) => s.trim())
  for (const name of names) {
    if (!(PHASES as readonly string[]).includes(name)) {
      throw new Error(`Invalid BENCH_PHASES entry ${JSON.stringify(name)}: expected ${PHASES.join(', ')}`)
    }
  }
  return PHASES.filter((phase) => names.includes(phase))
}
