import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openStore } from './index.ts'
import { openPostgresStore } from './postgres-store.ts'
import { runStoreContract } from './store.contract.ts'

const url = process.env.TEST_DATABASE_URL

/** Each run gets its own schema (tests run in parallel), dropped afterwards. */
async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    await client.query(`drop schema if exists "${schema}" cascade`)
  } finally {
    await client.end()
  }
}

const testSchema = () => `ol_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`

describe.skipIf(!url)('PostgreSQL store', () => {
  const connectionString = url ?? ''

  runStoreContract('PostgreSQL', async () => {
    const schema = testSchema()
    const store = openPostgresStore({ connectionString, schema })
    return {
      store,
      cleanup: async () => {
        await store.close()
        await dropSchema(connectionString, schema)
      },
    }
  })

  it('lets several nodes migrate the same schema at once and share the data', async () => {
    const schema = testSchema()
    const nodes = [0, 1, 2].map(() => openPostgresStore({ connectionString, schema }))
    try {
      await Promise.all(nodes.map((node) => node.migrate()))
      const [a, b] = nodes
      const workspace = await a!.createWorkspace({ name: 'Shared', now: 1 })
      expect(await b!.getWorkspace(workspace.id)).toEqual(workspace)
      const secrets = await Promise.all(
        nodes.map((node, i) => node.getOrCreateSetting('secret', () => `node-${i}`)),
      )
      expect(new Set(secrets).size).toBe(1)
    } finally {
      await Promise.all(nodes.map((node) => node.close()))
      await dropSchema(connectionString, schema)
    }
  })

  it('is what openStore picks when a database URL is set', async () => {
    const store = openStore({ databaseUrl: connectionString, dataDir: '/nonexistent' })
    try {
      expect(store.dialect).toBe('postgres')
      await store.ping()
    } finally {
      await store.close()
    }
  })
})
