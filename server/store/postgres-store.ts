import { CompiledQuery, Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './database.ts'
import { createKyselyStore } from './kysely-store.ts'
import type { Store } from './types.ts'

export interface PostgresStoreConfig {
  connectionString: string
  /** Tables live in this schema (created by migrate() when missing); lets tests isolate themselves. */
  schema?: string
  /** Pool size; pg's default is 10. */
  maxConnections?: number
  /**
   * An idle pooled connection failed (e.g. the server restarted). pg has already dropped it and
   * the pool recovers by itself; without a listener the 'error' event would kill the process.
   */
  onIdleConnectionError?: (error: Error) => void
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/

/**
 * Times and sequence numbers are int8, which pg returns as strings by default. They are all
 * well below 2^53, so parse them as numbers — for this pool only, not through the global registry.
 */
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === pg.types.builtins.INT8 && format !== 'binary'
    ? (value: string) => Number(value)
    : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser

export function openPostgresStore(config: PostgresStoreConfig): Store {
  const { schema } = config
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`)
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.maxConnections,
    types: { getTypeParser },
  })
  pool.on(
    'error',
    config.onIdleConnectionError ?? ((error) => console.warn('postgres idle connection error', error)),
  )
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: schema
        ? async (connection) => {
            await connection.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`))
          }
        : undefined,
    }),
  })
  return createKyselyStore(db, 'postgres', schema ? { schema } : {})
}
