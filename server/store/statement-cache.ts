/**
 * Kysely's SQLite driver prepares every statement anew, and preparing was ~15% of the server's CPU
 * while delivering messages (bench/README.md, CPU profile of the delivery phase). The store issues a
 * small, fixed set of SQL shapes, so prepared statements are kept and reused. better-sqlite3
 * statements are safe to reuse sequentially, and Kysely runs one query at a time per connection.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/** Generous for the store's fixed set of queries; the cap only guards against unbounded SQL text. */
const MAX_STATEMENTS = 500

export function withStatementCache(database: SqliteDatabase, max = MAX_STATEMENTS): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>()
  return {
    close: () => {
      cache.clear()
      return database.close()
    },
    prepare(sql) {
      const hit = cache.get(sql)
      if (hit) return hit
      const statement = database.prepare(sql)
      if (cache.size >= max) cache.delete(cache.keys().next().value as string)
      cache.set(sql, statement)
      return statement
    },
  }
}
