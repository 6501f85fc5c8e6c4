import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, SQLITE_FILE_NAME } from './index.ts'
import { openSqliteStore } from './sqlite-store.ts'
import { runStoreContract } from './store.contract.ts'

const tempDir = () => mkdtemp(join(tmpdir(), 'openline-store-'))

runStoreContract('SQLite file', async () => {
  const dir = await tempDir()
  // A nested path also proves the factory creates the parent folder.
  const store = openSqliteStore({ path: join(dir, 'nested', 'openline.sqlite') })
  return {
    store,
    cleanup: async () => {
      await store.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
})

describe('openSqliteStore', () => {
  const dirs: string[] = []
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
  })

  it('keeps acknowledged data across close and reopen, in WAL mode', async () => {
    const dir = await tempDir()
    dirs.push(dir)
    const path = join(dir, 'openline.sqlite')
    const first = openSqliteStore({ path })
    await first.migrate()
    const workspace = await first.createWorkspace({ name: 'Durable', now: 1 })
    const line = await first.createLine({ workspaceId: workspace.id, name: 'Main', now: 1 })
    const visitor = await first.createVisitor({ workspaceId: workspace.id, widgetId: null, now: 1 })
    const conversation = await first.createConversation({
      workspaceId: workspace.id,
      lineId: line.id,
      widgetId: null,
      visitorId: visitor.id,
      now: 2,
    })
    const { message } = await first.appendMessage({
      workspaceId: workspace.id,
      conversationId: conversation.id,
      clientId: 'c1',
      authorKind: 'visitor',
      authorId: visitor.id,
      authorName: null,
      body: 'still here?',
      now: 3,
    })
    expect(existsSync(`${path}-wal`)).toBe(true)
    await first.close()

    const second = openSqliteStore({ path })
    try {
      await second.migrate()
      expect(await second.getWorkspace(workspace.id)).toEqual(workspace)
      expect(await second.listMessages(workspace.id, conversation.id)).toEqual([message])
      expect((await second.getConversation(workspace.id, conversation.id))?.lastSeq).toBe(1)
    } finally {
      await second.close()
    }
  })

  it('works in memory', async () => {
    const store = openSqliteStore({ path: ':memory:' })
    try {
      await store.migrate()
      await store.createWorkspace({ name: 'Ephemeral', now: 1 })
      expect(await store.countWorkspaces()).toBe(1)
    } finally {
      await store.close()
    }
  })

  it('is what openStore picks without a database URL, at <dataDir>/openline.sqlite', async () => {
    const dir = await tempDir()
    dirs.push(dir)
    const store = openStore({ dataDir: join(dir, 'data') })
    try {
      expect(store.dialect).toBe('sqlite')
      await store.migrate()
      expect(existsSync(join(dir, 'data', SQLITE_FILE_NAME))).toBe(true)
    } finally {
      await store.close()
    }
  })
})
