import { type Kysely, Migrator } from 'kysely'
import type { Database } from './database.ts'
import { migrationProvider } from './migrations/index.ts'

/**
 * Runs pending migrations. Kysely's migrator takes a lock (an advisory lock on PostgreSQL), so
 * several nodes starting together apply each migration exactly once. With a schema, the
 * bookkeeping tables live in that schema too (the migrator creates it when missing).
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '(setup)'} failed`, { cause: error })
  }
}
