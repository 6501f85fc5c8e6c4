/**
 * Phase 3 per storage backend, each in its own world: SQLite in a scratch file with the server's
 * own settings (plus the disk's raw sync rate as its ceiling), PostgreSQL in a scratch schema
 * dropped afterwards, through the store in this process and then through a server child.
 */
import { join } from 'node:path'
import { openPostgresStore, openSqliteStore, SQLITE_FILE_NAME } from '../../server/store/index.ts'
import type { BenchConfig } from '../support/bench-config.ts'
import { startOpenlineTarget } from '../support/openline-target.ts'
import { dropSchema, newBenchSchema, withSearchPath } from '../support/postgres.ts'
import type { SeededWorkspace } from '../support/seed.ts'
import {
  diskSyncRow,
  seedThroughput,
  storeThroughput,
  type ThroughputRow,
  wsThroughput,
} from './throughput.ts'

export async function sqliteStoreRuns(
  dir: string,
  config: BenchConfig,
  secret: string,
): Promise<ThroughputRow[]> {
  const store = openSqliteStore({ path: join(dir, SQLITE_FILE_NAME) })
  try {
    await store.migrate()
    const workspace = await seedThroughput(store, config, secret)
    const rows = await storeThroughput('SQLite', store, workspace, config)
    return [diskSyncRow(dir, config), ...rows]
  } finally {
    await store.close()
  }
}

export async function postgresRuns(
  databaseUrl: string,
  scratchDir: string,
  config: BenchConfig,
  secret: string,
): Promise<ThroughputRow[]> {
  const schema = newBenchSchema()
  try {
    const store = openPostgresStore({ connectionString: databaseUrl, schema })
    let workspace: SeededWorkspace
    const rows: ThroughputRow[] = []
    try {
      await store.migrate()
      workspace = await seedThroughput(store, config, secret)
      rows.push(...(await storeThroughput('PostgreSQL', store, workspace, config)))
    } finally {
      await store.close()
    }
    const storage = { dataDir: scratchDir, databaseUrl: withSearchPath(databaseUrl, schema) }
    const target = await startOpenlineTarget(storage, secret, workspace)
    try {
      rows.push(await wsThroughput('PostgreSQL', target, config))
    } finally {
      await target.server.stop()
    }
    return rows
  } finally {
    await dropSchema(databaseUrl, schema)
  }
}
