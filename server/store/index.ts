import { join } from 'node:path'
import { openPostgresStore } from './postgres-store.ts'
import { openSqliteStore } from './sqlite-store.ts'
import type { Store } from './types.ts'

export type { Database } from './database.ts'
export { isForeignKeyViolation, isUniqueViolation } from './db-errors.ts'
export { createKyselyStore, type KyselyStoreOptions } from './kysely-store.ts'
export { openPostgresStore, type PostgresStoreConfig } from './postgres-store.ts'
export { openSqliteStore, type SqliteStoreConfig } from './sqlite-store.ts'
export * from './types.ts'

export const SQLITE_FILE_NAME = 'openline.sqlite'

/**
 * PostgreSQL when a database URL is configured (needed for several nodes), otherwise the embedded
 * SQLite file in the data folder. Call `migrate()` before use.
 */
export function openStore(config: { databaseUrl?: string; dataDir: string }): Store {
  if (config.databaseUrl) return openPostgresStore({ connectionString: config.databaseUrl })
  return openSqliteStore({ path: join(config.dataDir, SQLITE_FILE_NAME) })
}
