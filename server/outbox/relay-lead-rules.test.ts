/**
 * Lead rules per connection (issue 6, item 1), end to end inside a real Openline on port 0 with
 * three Bitrix24 contract fakes: a "forms only" connection, a connection limited to the demo line
 * that makes a new lead for a recognised client, and one limited to a widget no visitor uses. Each
 * gets exactly the leads its rules take; a connection without rules behaves as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVisitor } from '../../tests/support/http-client.ts'
import { startTestServer, type TestServer } from '../../tests/support/test-server.ts'
import { openSocket } from '../../tests/support/ws-client.ts'
import { type Bitrix24Fake, startBitrix24Fake } from '../crm/fakes/index.ts'
import { contactForm } from '../forms/test-fixtures.ts'
import { DEFAULT_LEAD_RULES } from '../leads/lead-rules-schema.ts'

const ENV = {
  OUTBOX_RETRY_STEPS_MS: '50',
  OUTBOX_MIN_DELAY_MS: '10',
  // local fakes: no vendor pacing needed to test which connection gets what
  CRM_PACE_PER_SECOND: '0',
}

describe('lead rules per CRM connection → Bitrix24 fakes', () => {
  let server: TestServer
  let formsOnly: Bitrix24Fake
  let lineNewLead: Bitrix24Fake
  let otherWidget: Bitrix24Fake
  let everything: Bitrix24Fake
  let workspaceId: string
  const ids: Record<string, string> = {}
  let form: { id: string }

  beforeAll(async () => {
    ;[formsOnly, lineNewLead, otherWidget, everything] = await Promise.all([
      startBitrix24Fake(),
      startBitrix24Fake(),
      startBitrix24Fake(),
      startBitrix24Fake(),
    ])
    server = await startTestServer(ENV)
    const widget = (await server.store.findWidget(server.demo.widgetId))!
    workspaceId = widget.workspaceId
    const now = Date.now()
    const spare = await server.store.createWidget({
      workspaceId,
      lineId: widget.lineId,
      name: 'Spare',
      publicSlug: `spare-${crypto.randomUUID()}`,
      now,
    })
    const add = async (name: string, fake: Bitrix24Fake, leadRules?: typeof DEFAULT_LEAD_RULES) => {
      const created = await server.store.createCrmConnection({
        workspaceId,
        name,
        connection: { kind: 'bitrix24', webhookUrl: fake.webhookUrl },
        ...(leadRules && { leadRules }),
        now,
      })
      ids[name] = created.id
    }
    await add('forms only', formsOnly, { ...DEFAULT_LEAD_RULES, sources: ['form'] })
    await add('line, new lead', lineNewLead, {
      ...DEFAULT_LEAD_RULES,
      lineIds: [widget.lineId],
      recognisedClient: 'new-lead',
    })
    await add('other widget', otherWidget, { ...DEFAULT_LEAD_RULES, widgetIds: [spare.id] })
    await add('everything', everything)
    form = await server.store.createForm({
      workspaceId,
      name: 'Quote request',
      enabled: true,
      definition: contactForm(),
      now,
    })
  })

  afterAll(async () => {
    await server?.stop()
    await Promise.all([formsOnly, lineNewLead, otherWidget, everything].map((f) => f?.close()))
  })

  async function chatWithContact(body: string, contact: Record<string, string>): Promise<string> {
    const visitor = await startVisitor(server.url, server.demo.slug)
    const socket = await openSocket(visitor.wsUrl)
    try {
      await socket.waitFor('session.ready')
      socket.send({ type: 'message.send', id: 'm1', body })
      const ack = await socket.waitFor('frame.ack', (f) => f.ref === 'm1')
      const res = await fetch(`${server.url}/api/visitors/me`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(contact),
      })
      expect(res.status).toBe(200)
      return ack.message!.conversationId
    } finally {
      await socket.close()
    }
  }

  /** Names of the connections that got a delivery of `subjectId`'s lead, once all are delivered. */
  async function leadTargets(subjectId: string): Promise<string[]> {
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]))
    let deliveries = await server.store.listCrmDeliveries(workspaceId, { subjectId })
    await expect
      .poll(
        async () => {
          deliveries = (await server.store.listCrmDeliveries(workspaceId, { subjectId })).filter((d) =>
            d.topic.startsWith('lead.'),
          )
          return deliveries.length > 0 && deliveries.every((d) => d.status === 'delivered')
        },
        { timeout: 10_000 },
      )
      .toBe(true)
    return deliveries.map((d) => names[d.connectionId] ?? d.connectionId).sort()
  }

  it('a chat on the demo widget goes to the connections whose sources, lines and widgets take it', async () => {
    const conversationId = await chatWithContact('Chairs?', { email: 'anna@example.com' })
    expect(await leadTargets(conversationId)).toEqual(['everything', 'line, new lead'])
  })

  it('a form sent without a widget goes where forms are taken and no line or widget is required', async () => {
    const res = await fetch(`${server.url}/api/forms/${form.id}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ values: { name: 'Boris', email: 'boris@example.com' } }),
    })
    expect(res.status).toBe(201)
    const submissionId = ((await res.json()) as { submission: { id: string } }).submission.id
    expect(await leadTargets(submissionId)).toEqual(['everything', 'forms only'])
  })

  it('a recognised client: a note where the rule is "attach", a second lead where it is "new lead"', async () => {
    const first = await chatWithContact('First', { email: 'cleo@example.com' })
    await leadTargets(first)
    const attachBefore = everything.leads().length
    const newBefore = lineNewLead.leads().length
    const second = await chatWithContact('Second', { email: 'Cleo@Example.com' })
    expect(await leadTargets(second)).toEqual(['everything', 'line, new lead'])
    expect(everything.leads().length).toBe(attachBefore)
    expect(lineNewLead.leads().length).toBe(newBefore + 1)
    const crmIds = async (subjectId: string, name: string) =>
      (await server.store.listCrmDeliveries(workspaceId, { subjectId })).find(
        (d) => d.connectionId === ids[name] && d.topic === 'lead.chat',
      )?.crmId
    expect(await crmIds(second, 'everything')).toBe(await crmIds(first, 'everything'))
    expect(await crmIds(second, 'line, new lead')).not.toBe(await crmIds(first, 'line, new lead'))
    expect(otherWidget.leads()).toEqual([])
    expect(formsOnly.leads().every((l) => l.SOURCE_ID === 'WEBFORM')).toBe(true)
  })
})
