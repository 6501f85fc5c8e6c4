import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { withStatementCache } from './statement-cache.ts'

describe('withStatementCache', () => {
  it('prepares each SQL text once and keeps at most `max` statements', () => {
    const sqlite = new BetterSqlite3(':memory:')
    let prepared = 0
    const counting = {
      close: () => sqlite.close(),
      prepare: (sql: string) => {
        prepared++
        return sqlite.prepare(sql)
      },
    }
    const db = withStatementCache(counting, 2)
    expect(db.prepare('select 1 as a').all([])).toEqual([{ a: 1 }])
    expect(db.prepare('select 1 as a').all([])).toEqual([{ a: 1 }])
    expect(prepared).toBe(1)
    db.prepare('select 2 as a')
    db.prepare('select 3 as a')
    db.prepare('select 1 as a')
    expect(prepared).toBe(4)
    db.close()
  })
})
