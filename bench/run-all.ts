/**
 * `npm run bench`: the performance benchmarks of the issue "Server core", in one run on loopback.
 * Progress goes to stderr, the result table to stdout, the full numbers to a JSON file in the
 * OS temp folder. Sizes and durations: bench/README.md.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { runDelivery } from './phases/delivery.ts'
import { runFloor } from './phases/floor.ts'
import { bareWsMemory, openlineMemory } from './phases/memory.ts'
import { postgresRuns, sqliteStoreRuns } from './phases/storage-runs.ts'
import { wsThroughput } from './phases/throughput.ts'
import { type BenchResults, ratios, renderReport } from './report.ts'
import { type Phase, readBenchConfig } from './support/bench-config.ts'
import { newBenchSecret, startOpenlineTarget } from './support/openline-target.ts'
import { type SeededWorkspace, seedSqliteDir } from './support/seed.ts'

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`)

async function main(): Promise<number> {
  const config = readBenchConfig(process.env)
  const cpu = cpus()
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? '?',
      platform: process.platform,
      loadAverage: loadavg()[0] ?? 0,
    },
    config,
    throughput: [],
    memory: {},
    failures: [],
  }
  /** A failed phase is reported (stderr, table, exit code) and the next one still runs. */
  const step = async (phase: string, run: () => Promise<void>) => {
    progress(`${phase}…`)
    const started = Date.now()
    try {
      await run()
      progress(`${phase} done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    } catch (error) {
      progress(`${phase} FAILED: ${error instanceof Error ? error.stack : String(error)}`)
      results.failures.push({ phase, error: error instanceof Error ? error.message : String(error) })
    }
  }
  const has = (phase: Phase) => config.phases.includes(phase)
  const workDir = await mkdtemp(join(tmpdir(), 'openline-bench-'))
  const secret = newBenchSecret()
  const server = { dataDir: join(workDir, 'server') }
  let seeded: SeededWorkspace | undefined
  try {
    if (has('delivery') || has('throughput') || has('memory')) {
      await step('seeding SQLite', async () => {
        seeded = await seedSqliteDir(server.dataDir, {
          secret,
          activeVisitors: Math.max(config.clients, config.wsSockets),
          idleVisitors: config.idleConnections,
          now: Date.now(),
        })
      })
    }
    if (has('floor')) {
      await step('floor: bare ws echo', async () => {
        results.floor = await runFloor(config)
      })
    }
    if (has('throughput')) {
      await step('SQLite store.appendMessage', async () => {
        const dir = join(workDir, 'appends')
        await mkdir(dir, { recursive: true })
        results.throughput.push(...(await sqliteStoreRuns(dir, config, secret)))
      })
    }
    const data = seeded
    if (data && (has('delivery') || has('throughput'))) {
      await step('openline on SQLite: delivery, WebSocket throughput', async () => {
        const target = await startOpenlineTarget(server, secret, data)
        try {
          if (has('delivery')) results.delivery = await runDelivery(config, target)
          if (has('throughput')) results.throughput.push(await wsThroughput('SQLite', target, config))
        } finally {
          await target.server.stop()
        }
      })
    }
    const databaseUrl = config.databaseUrl
    if (has('throughput') && databaseUrl) {
      await step('PostgreSQL throughput', async () => {
        results.throughput.push(...(await postgresRuns(databaseUrl, join(workDir, 'pg'), config, secret)))
      })
    } else if (has('throughput')) progress('PostgreSQL skipped (TEST_DATABASE_URL unset)')
    if (has('memory') && data) {
      await step('memory: bare ws', async () => {
        results.memory.bare = await bareWsMemory(config.idleConnections)
      })
      await step('memory: openline', async () => {
        results.memory.openline = await openlineMemory(
          server,
          secret,
          data.idleTokens,
          config.idleConnections,
        )
      })
    }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
  const jsonPath = join(tmpdir(), 'openline-bench-latest.json')
  await writeFile(jsonPath, `${JSON.stringify({ ...results, ratios: ratios(results) }, null, 2)}\n`)
  process.stdout.write(`${renderReport(results)}\nFull results: ${jsonPath}\n`)
  return results.failures.length === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  },
)
