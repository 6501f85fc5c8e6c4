/**
 * Bench data, written straight into the store before the server child starts (the HTTP visitor
 * endpoint is rate-limited per IP, 30/min): one workspace with an operator, visitors with an open
 * conversation each (the paced load), idle visitors (the memory phase), and their signed tokens.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { signVisitorToken } from '../../server/auth/index.ts'
import { createKyselyStore, type Database, SQLITE_FILE_NAME, type Store } from '../../server/store/index.ts'
import { createWorkspaceWithDefaults } from '../../server/workspaces/index.ts'
import { mapLimit } from './concurrency.ts'

export interface ActiveVisitor {
  visitorId: string
  token: string
  conversationId: string
}

export interface SeededWorkspace {
  workspaceId: string
  operator: { email: string; password: string }
  active: ActiveVisitor[]
  idleTokens: string[]
}

export interface SeedOptions {
  secret: string
  activeVisitors: number
  idleVisitors: number
  now: number
}

export const BENCH_OPERATOR = {
  email: 'bench@openline.local',
  password: 'bench-password-1234',
  name: 'Bench',
}

/**
 * The server's own SQLite settings sync every commit (synchronous=FULL); seeding thousands of rows
 * does not need that, so the bench writes them through the same Store code with syncing off.
 */
export function openSeedingSqliteStore(path: string): Store {
  const sqlite = new BetterSqlite3(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('foreign_keys = ON')
  return createKyselyStore(
    new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    'sqlite',
  )
}

export async function seedWorkspace(store: Store, options: SeedOptions): Promise<SeededWorkspace> {
  const { secret, now } = options
  const { workspace, line, widget } = await createWorkspaceWithDefaults(store, {
    name: 'Bench',
    operator: BENCH_OPERATOR,
    now,
  })
  const token = (visitorId: string) =>
    signVisitorToken(secret, { workspaceId: workspace.id, visitorId, widgetId: widget.id, issuedAt: now })
  const newVisitor = () => store.createVisitor({ workspaceId: workspace.id, widgetId: widget.id, now })
  // PostgreSQL gains from a few round trips in flight; SQLite serialises them anyway.
  const active = await mapLimit(options.activeVisitors, 16, async () => {
    const visitor = await newVisitor()
    const conversation = await store.createConversation({
      workspaceId: workspace.id,
      lineId: line.id,
      widgetId: widget.id,
      visitorId: visitor.id,
      now,
    })
    return { visitorId: visitor.id, token: token(visitor.id), conversationId: conversation.id }
  })
  const idleTokens = await mapLimit(options.idleVisitors, 16, async () => token((await newVisitor()).id))
  return { workspaceId: workspace.id, operator: BENCH_OPERATOR, active, idleTokens }
}

/** Seeds the server child's SQLite folder and closes it again: no second writer may stay. */
export async function seedSqliteDir(dataDir: string, options: SeedOptions): Promise<SeededWorkspace> {
  await mkdir(dataDir, { recursive: true })
  const store = openSeedingSqliteStore(join(dataDir, SQLITE_FILE_NAME))
  try {
    await store.migrate()
    return await seedWorkspace(store, options)
  } finally {
    await store.close()
  }
}
