/**
 * Issue 6, item 2: "never double-sends with several nodes (row claiming with FOR UPDATE SKIP
 * LOCKED on PostgreSQL)". Two relays, each with its own connection pool to one PostgreSQL schema,
 * deliver 200 leads to one Bitrix24 fake that always answers at once — so no look-up ever runs,
 * and any double claim would show up as a second lead with the same ORIGIN_ID.
 */
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { type Bitrix24Fake, startBitrix24Fake } from '../crm/fakes/index.ts'
import { fetchHttp, type HttpFn } from '../crm/http/index.ts'
import { seedDemo } from '../demo/index.ts'
import { createChatLeadSource } from '../leads/chat-lead-source.ts'
import { quietLog } from '../log/index.ts'
import { openPostgresStore } from '../store/postgres-store.ts'
import type { Store } from '../store/types.ts'
import { createAdapterCache } from './connection-adapters.ts'
import { createRelay, type Relay } from './relay.ts'

const url = process.env.TEST_DATABASE_URL
const LEADS = 200

describe.skipIf(!url)('two relays on one PostgreSQL', () => {
  const schema = `ol_outbox_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`drop schema if exists "${schema}" cascade`)
    await client.end()
  })

  it('claims every delivery once: each lead reaches the CRM exactly once, and both nodes worked', async () => {
    const fake: Bitrix24Fake = await startBitrix24Fake()
    cleanups.push(() => fake.close())
    const nodes: Store[] = [0, 1].map(() => openPostgresStore({ connectionString: url ?? '', schema }))
    for (const node of nodes) cleanups.push(() => node.close())
    await Promise.all(nodes.map((n) => n.migrate()))
    const seed = nodes[0]!
    const demo = await seedDemo(seed, { now: Date.now() })
    const widget = (await seed.findWidget(demo!.widgetId))!
    await seed.createCrmConnection({
      workspaceId: widget.workspaceId,
      name: 'Bitrix24',
      connection: { kind: 'bitrix24', webhookUrl: fake.webhookUrl },
      now: Date.now(),
    })
    for (let i = 0; i < LEADS; i++) {
      const now = Date.now()
      const visitor = await seed.createVisitor({ workspaceId: widget.workspaceId, widgetId: widget.id, now })
      await seed.updateVisitor(widget.workspaceId, visitor.id, {
        email: `pg-${i}@example.com`,
        lastSeenAt: now,
      })
      await seed.createConversation({
        workspaceId: widget.workspaceId,
        lineId: widget.lineId,
        widgetId: widget.id,
        visitorId: visitor.id,
        now,
      })
    }

    const sent = [0, 0]
    const relays: Relay[] = nodes.map((store, i) => {
      const http: HttpFn = (request) => {
        sent[i]! += 1
        return fetchHttp(request)
      }
      return createRelay({
        store,
        clock: { now: () => Date.now() },
        random: Math.random,
        log: quietLog,
        adapterFor: createAdapterCache({ http, perSecondOverride: 0 }),
        chat: createChatLeadSource(store),
        sources: {},
        nodeId: `node-${i}`,
        options: { batchSize: 8, sweepMs: 50 },
      })
    })
    for (const relay of relays) cleanups.push(() => relay.close())
    await Promise.all(relays.map((r) => r.start()))

    const distinct = () => new Set(fake.leads().map((l) => l.ORIGIN_ID)).size
    await expect.poll(distinct, { timeout: 30_000, interval: 50 }).toBe(LEADS)
    await Promise.all(relays.map((r) => r.settled()))
    expect(fake.leads()).toHaveLength(LEADS)
    expect(fake.requests().filter((r) => r.path.includes('crm.lead.list'))).toEqual([])
    expect(sent[0]).toBeGreaterThan(0)
    expect(sent[1]).toBeGreaterThan(0)
    expect(sent[0]! + sent[1]!).toBe(LEADS)
    expect(await seed.listCrmDeliveries(widget.workspaceId, { status: 'pending', limit: 1 })).toEqual([])
  })
})
