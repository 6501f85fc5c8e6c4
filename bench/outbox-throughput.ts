/**
 * `npx tsx bench/outbox-throughput.ts`: deliveries per second through the CRM outbox (issue 6) —
 * SQLite store, relay, claims, leases, contact links — against the Bitrix24 fake with pacing off,
 * next to a baseline of the same number of bare `adapter.createLead` calls at the same concurrency.
 * The difference is what durability costs. OUTBOX_BENCH_LEADS (default 500), OUTBOX_BATCH (16).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCrmAdapter } from '../server/crm/crm-connection.ts'
import { startBitrix24Fake } from '../server/crm/fakes/index.ts'
import type { Lead } from '../server/crm/types.ts'
import { seedDemo } from '../server/demo/index.ts'
import { createChatLeadSource } from '../server/leads/index.ts'
import { quietLog } from '../server/log/index.ts'
import { createAdapterCache, createRelay } from '../server/outbox/index.ts'
import { openSqliteStore } from '../server/store/index.ts'

const LEADS = Number(process.env.OUTBOX_BENCH_LEADS ?? 500)
const CONCURRENCY = Number(process.env.OUTBOX_BATCH ?? 16)

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'openline-outbox-bench-'))
  const fake = await startBitrix24Fake()
  const store = openSqliteStore({ path: join(dir, 'openline.sqlite') })
  try {
    await store.migrate()
    const demo = await seedDemo(store, { now: Date.now() })
    const widget = (await store.findWidget(demo!.widgetId))!
    const connection = { kind: 'bitrix24' as const, webhookUrl: fake.webhookUrl }

    // Baseline: the CRM calls alone.
    const adapter = createCrmAdapter(connection)
    let next = 0
    const baseStart = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < LEADS) {
          const i = next++
          const lead: Lead = {
            id: `base-${i}`,
            kind: 'chat',
            title: 'Bench',
            contact: { email: `b${i}@x.io` },
            source: {},
            createdAt: Date.now(),
          }
          await adapter.createLead(lead)
        }
      }),
    )
    const baseline = LEADS / ((performance.now() - baseStart) / 1000)

    await store.createCrmConnection({
      workspaceId: widget.workspaceId,
      name: 'Bench',
      connection,
      now: Date.now(),
    })
    for (let i = 0; i < LEADS; i++) {
      const now = Date.now()
      const v = await store.createVisitor({ workspaceId: widget.workspaceId, widgetId: widget.id, now })
      await store.updateVisitor(widget.workspaceId, v.id, { email: `o${i}@x.io`, lastSeenAt: now })
      await store.createConversation({
        workspaceId: widget.workspaceId,
        lineId: widget.lineId,
        widgetId: widget.id,
        visitorId: v.id,
        now,
      })
    }
    const before = fake.leads().length
    const relay = createRelay({
      store,
      clock: { now: () => Date.now() },
      random: Math.random,
      log: quietLog,
      adapterFor: createAdapterCache({ perSecondOverride: 0 }),
      chat: createChatLeadSource(store),
      sources: {},
      options: { batchSize: CONCURRENCY, sweepMs: 50 },
    })
    const start = performance.now()
    await relay.start()
    while (fake.leads().length - before < LEADS) await new Promise((r) => setTimeout(r, 10))
    const outbox = LEADS / ((performance.now() - start) / 1000)
    await relay.close()
    process.stdout.write(
      `outbox throughput (${LEADS} leads, concurrency ${CONCURRENCY}, SQLite, Bitrix24 fake unpaced)\n` +
        `  baseline, bare createLead: ${baseline.toFixed(0)} leads/s\n` +
        `  through the outbox:        ${outbox.toFixed(0)} deliveries/s (${((outbox / baseline) * 100).toFixed(0)} % of baseline)\n`,
    )
  } finally {
    await store.close()
    await fake.close()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
