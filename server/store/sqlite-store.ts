import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './database.ts'
import { createKyselyStore } from './kysely-store.ts'
import { withStatementCache } from './statement-cache.ts'
import type { Store } from './types.ts'

export interface SqliteStoreConfig {
  /** A file path (its folder is created) or `:memory:`. */
  path: string
}

/** The embedded default: one file, one process. */
export function openSqliteStore(config: SqliteStoreConfig): Store {
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true })
  const sqlite = new BetterSqlite3(config.path)
  try {
    sqlite.pragma('journal_mode = WAL')
    // FULL syncs the WAL on every commit: an acknowledged message survives a crash or power loss.
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
  } catch (error) {
    sqlite.close()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  return createKyselyStore(db, 'sqlite')
}
