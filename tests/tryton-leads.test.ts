/**
 * Issue 6, done-when: "Real Tryton: a form submission and a chat become leads in Tryton with the
 * transcript; Tryton stopped mid-run → deliveries wait and complete once it is back."
 *
 * Runs when `.ci/tryton.sh` has a Tryton up (TRYTON_URL/TRYTON_USER/TRYTON_PASSWORD; its data
 * folder TRYTON_DATA_DIR). The leads go to a trytond of this file's own, started on a free port over
 * a copy of that Tryton's database (tests/support/tryton/own-trytond.ts): the outage is the real
 * thing, the server process stopped with SIGTERM mid-run and started again on the same port, while
 * the shared trytond the other test files use stays up.
 */

import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../server/chat/types.ts'
import { contactForm } from '../server/forms/test-fixtures.ts'
import { signIn, startVisitor } from './support/http-client.ts'
import { startTestServer, type TestServer } from './support/test-server.ts'
import {
  connectTryton,
  type OwnTrytond,
  startOwnTrytond,
  type TrytonTestClient,
  trytonFromEnv,
} from './support/tryton/index.ts'
import { openSocket } from './support/ws-client.ts'

const tryton = trytonFromEnv()
const ENV = {
  OUTBOX_SWEEP_MS: '60000',
  OUTBOX_RETRY_STEPS_MS: '100,200,400',
  OUTBOX_MIN_DELAY_MS: '50',
  CRM_TIMEOUT_MS: '5000',
}

type Row = Record<string, unknown>

describe.skipIf(!tryton)('leads in a real Tryton', () => {
  const shared = tryton ?? { url: '', user: '', password: '' }
  let server: TestServer
  let client: TrytonTestClient
  let own: OwnTrytond
  let workspaceId: string

  beforeAll(async () => {
    own = await startOwnTrytond({ database: new URL(shared.url).pathname.split('/').filter(Boolean)[0]! })
    client = await connectTryton({ ...shared, url: own.url })
    server = await startTestServer(ENV)
    workspaceId = (await server.store.findWidget(server.demo.widgetId))!.workspaceId
    await server.store.createCrmConnection({
      workspaceId,
      name: 'Tryton',
      connection: {
        kind: 'tryton',
        url: own.url,
        user: shared.user,
        password: shared.password,
      },
      now: Date.now(),
    })
  })

  afterAll(async () => {
    await server?.stop()
    await own?.close()
  })

  const opportunities = async (reference: string) =>
    (await client.call('model.sale.opportunity.search_read', [
      [['reference', '=', reference]],
      0,
      null,
      null,
      ['reference', 'description', 'comment', 'party'],
    ])) as Row[]
  const notes = async (crmId: string) =>
    (await client.call('model.ir.note.search_read', [
      [['resource', '=', `sale.opportunity,${crmId}`]],
      0,
      null,
      null,
      ['message'],
    ])) as Row[]
  const deliveryOf = async (topic: string, subjectId: string) =>
    (await server.store.listCrmDeliveries(workspaceId, { limit: 500 })).find(
      (d) => d.topic === topic && d.subjectId === subjectId,
    )
  const statusOf = (topic: string, subjectId: string) => () =>
    deliveryOf(topic, subjectId).then((d) => d?.status)

  async function chatLead(body: string, email: string) {
    const visitor = await startVisitor(server.url, server.demo.slug)
    const socket = await openSocket(visitor.wsUrl)
    try {
      await socket.waitFor('session.ready')
      socket.send({ type: 'message.send', id: 'm1', body })
      const ack = await socket.waitFor('frame.ack', (f) => f.ref === 'm1')
      await fetch(`${server.url}/api/visitors/me`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Tryton Visitor', email }),
      })
      return ack.message!.conversationId
    } finally {
      await socket.close()
    }
  }

  async function close(conversationId: string) {
    const operator = (await server.store.findOperatorByEmail(server.demo.email))!
    const actor: Actor = { kind: 'operator', workspaceId, operator }
    await server.chat.close(actor, conversationId)
  }

  it('a chat becomes an opportunity with its party, and the transcript a note when it closes', {
    timeout: 60_000,
  }, async () => {
    const email = `chat-${crypto.randomUUID().slice(0, 8)}@example.com`
    const conversationId = await chatLead('Do you rent out scaffolding?', email)
    await expect.poll(statusOf('lead.chat', conversationId), { timeout: 30_000 }).toBe('delivered')
    const lead = (await deliveryOf('lead.chat', conversationId))!
    const [record] = await opportunities(lead.id)
    expect(record).toMatchObject({ reference: lead.id, id: Number(lead.crmId) })

    await close(conversationId)
    await expect.poll(statusOf('conversation.closed', conversationId), { timeout: 30_000 }).toBe('delivered')
    const [note] = await notes(lead.crmId!)
    expect(note?.message).toContain('Do you rent out scaffolding?')
  })

  it('a form submission becomes an opportunity', { timeout: 60_000 }, async () => {
    const form = await server.store.createForm({
      workspaceId,
      name: 'Quote request',
      enabled: true,
      definition: contactForm([{ key: 'notes', type: 'longText', label: 'What do you need?' }]),
      now: Date.now(),
    })
    const email = `form-${crypto.randomUUID().slice(0, 8)}@example.com`
    const res = await fetch(`${server.url}/api/forms/${form.id}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values: { name: 'Fiona Form', email, notes: 'Twelve pallets' } }),
    })
    expect(res.status).toBe(201)
    const { submission } = (await res.json()) as { submission: { id: string } }
    await expect.poll(statusOf('lead.form', submission.id), { timeout: 30_000 }).toBe('delivered')
    const lead = (await deliveryOf('lead.form', submission.id))!
    const [record] = await opportunities(lead.id)
    expect(record).toMatchObject({ reference: lead.id })
    expect(String(record?.comment ?? '') + JSON.stringify(await notes(lead.crmId!))).toContain(
      'Twelve pallets',
    )
  })

  /** Opportunities with this reference, read from the database file while trytond is stopped. */
  function storedOpportunities(reference: string): number {
    const db = new Database(own.databaseFile, { readonly: true, fileMustExist: true })
    try {
      const row = db.prepare('SELECT count(*) AS n FROM sale_opportunity WHERE reference = ?').get(reference)
      return (row as { n: number }).n
    } finally {
      db.close()
    }
  }

  it('Tryton stopped mid-run (SIGTERM): deliveries wait, and complete once it is started again', {
    timeout: 90_000,
  }, async () => {
    // Mid-run: the relay has already delivered to this Tryton (the tests above), and goes on running.
    await own.stop()
    expect(own.running).toBe(false)
    const email = `outage-${crypto.randomUUID().slice(0, 8)}@example.com`
    const conversationId = await chatLead('Anyone there?', email)
    await expect
      .poll(() => deliveryOf('lead.chat', conversationId).then((d) => d?.attempts ?? 0), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2)
    const waiting = (await deliveryOf('lead.chat', conversationId))!
    expect(waiting).toMatchObject({ status: 'pending', crmId: null })
    expect(waiting.lastError).toMatch(/unavailable|network|connect/)
    expect(storedOpportunities(waiting.id)).toBe(0)

    await own.start() // the same port: the connection's URL did not change
    await expect.poll(statusOf('lead.chat', conversationId), { timeout: 30_000 }).toBe('delivered')
    expect(await opportunities(waiting.id)).toHaveLength(1)

    const admin = await signIn(server.url, server.demo.email, server.demo.password)
    const log = (await (
      await fetch(`${server.url}/api/admin/crm/deliveries?status=delivered`, {
        headers: { cookie: admin.cookie },
      })
    ).json()) as { deliveries: Array<{ id: string; attempts: number; connectionName: string }> }
    expect(log.deliveries.find((d) => d.id === waiting.id)).toMatchObject({ connectionName: 'Tryton' })
    expect(JSON.stringify(log)).not.toContain(shared.password)
  })
})
