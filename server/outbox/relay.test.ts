/**
 * The relay against the Bitrix24 contract fake, inside a real Openline on port 0 (issue 6, items
 * 1–3): a chat becomes a lead once the visitor leaves an e-mail, a callback request becomes one at
 * once (SOURCE_ID CALLBACK, the phone in E.164), a transfer moves the responsible
 * person, the close attaches the transcript, a recognised client gets a note instead of a second
 * lead (also across chat and form), an ambiguous failure is looked up before the retry, a dead
 * delivery is replayed from the delivery log, the connection's field map renames form answers (and
 * fills a Bitrix24 user field), and the responsible person follows the chat's first assignment.
 * Pacing is Bitrix24's documented 2 requests/s throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, startVisitor } from '../../tests/support/http-client.ts'
import { startTestServer, type TestServer } from '../../tests/support/test-server.ts'
import { openSocket } from '../../tests/support/ws-client.ts'
import type { Actor } from '../chat/types.ts'
import { type Bitrix24Fake, startBitrix24Fake } from '../crm/fakes/index.ts'
import { contactForm } from '../forms/test-fixtures.ts'
import type { Operator } from '../store/types.ts'

const ENV = {
  // no sweeping: the relay must be woken by the store's signal, the bus and its due-time timer
  OUTBOX_SWEEP_MS: '60000',
  OUTBOX_RETRY_STEPS_MS: '50',
  OUTBOX_MIN_DELAY_MS: '10',
}

describe('outbox relay → Bitrix24 fake', () => {
  let server: TestServer
  let fake: Bitrix24Fake
  let workspaceId: string
  let operator: Operator
  let colleague: Operator
  let form: { id: string }

  beforeAll(async () => {
    fake = await startBitrix24Fake()
    server = await startTestServer(ENV)
    const widget = await server.store.findWidget(server.demo.widgetId)
    workspaceId = widget!.workspaceId
    operator = (await server.store.findOperatorByEmail(server.demo.email))!
    colleague = await server.store.createOperator({
      workspaceId,
      email: `colleague-${crypto.randomUUID()}@example.com`,
      name: 'Colin',
      passwordHash: 'x',
      role: 'operator',
      now: Date.now(),
    })
    await server.store.createCrmConnection({
      workspaceId,
      name: 'Bitrix24',
      connection: { kind: 'bitrix24', webhookUrl: fake.webhookUrl },
      userMap: { [colleague.id]: '7' },
      // a form answer renamed to the portal's user field, another to a friendlier label
      fieldMap: { Seats: 'UF_CRM_SEATS', 'What do you need?': 'Request' },
      now: Date.now(),
    })
    form = await server.store.createForm({
      workspaceId,
      name: 'Quote request',
      enabled: true,
      definition: contactForm([
        { key: 'seats', type: 'number', label: 'Seats' },
        { key: 'notes', type: 'longText', label: 'What do you need?' },
      ]),
      now: Date.now(),
    })
    // Issue 5: the demo widget offers callbacks and shows the form, so its visitors may send them.
    const settings = {
      ...widget!.settings,
      channels: { enabled: ['chat', 'callback', 'form'], formId: form.id },
    }
    await server.store.updateWidget(workspaceId, server.demo.widgetId, { settings, now: Date.now() })
  })

  afterAll(async () => {
    await server?.stop()
    await fake?.close()
  })

  const asOperator = (): Actor => ({ kind: 'operator', workspaceId, operator })

  /** A visitor writes, then leaves contact data through the widget's PATCH — the chat becomes a lead. */
  async function chatWithContact(body: string, contact: Record<string, string>) {
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
      return { visitor, conversationId: ack.message!.conversationId }
    } finally {
      await socket.close()
    }
  }

  async function deliveryOf(topic: string, subjectId: string) {
    const all = await server.store.listCrmDeliveries(workspaceId, { limit: 500 })
    return all.find((d) => d.topic === topic && d.subjectId === subjectId)
  }

  it('sends a chat as a lead, moves the responsible person on transfer, attaches the transcript on close', async () => {
    const { conversationId } = await chatWithContact('I need 40 chairs', {
      name: 'Anna',
      email: 'anna@example.com',
    })
    await expect
      .poll(() => deliveryOf('lead.chat', conversationId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    const lead = await deliveryOf('lead.chat', conversationId)
    const record = fake.leads().find((l) => l.ORIGIN_ID === lead!.id)
    expect(record).toMatchObject({
      ID: lead!.crmId,
      ORIGINATOR_ID: 'openline',
      SOURCE_ID: 'WEB',
      NAME: 'Anna',
    })

    await server.chat.transfer(asOperator(), conversationId, { operatorId: colleague.id })
    await expect
      .poll(() => fake.leads().find((l) => l.ID === lead!.crmId)?.ASSIGNED_BY_ID, { timeout: 10_000 })
      .toBe(7)

    await server.chat.close(asOperator(), conversationId)
    await expect
      .poll(() => fake.comments().find((c) => String(c.ENTITY_ID) === lead!.crmId)?.COMMENT ?? '', {
        timeout: 10_000,
      })
      .toContain('I need 40 chairs')
    expect(fake.leads().filter((l) => l.ORIGIN_ID === lead!.id)).toHaveLength(1)
  })

  it('recognises a returning client by e-mail and adds a note to their record instead of a second lead', async () => {
    const before = fake.leads().length
    const first = await chatWithContact('First question', { email: 'boris@example.com' })
    await expect
      .poll(() => deliveryOf('lead.chat', first.conversationId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    const crmId = (await deliveryOf('lead.chat', first.conversationId))!.crmId
    // Another visitor (another device) with the same e-mail, typed differently
    const second = await chatWithContact('Second question', {
      email: ' Boris@Example.com ',
      phone: '+1 555 0100',
    })
    await expect
      .poll(() => deliveryOf('lead.chat', second.conversationId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    expect((await deliveryOf('lead.chat', second.conversationId))!.crmId).toBe(crmId)
    expect(fake.leads().length).toBe(before + 1)
    expect(fake.comments().some((c) => String(c.ENTITY_ID) === crmId)).toBe(true)
  })

  it('looks the lead up after an ambiguous failure instead of creating it twice', async () => {
    // The portal stores the lead but the answer is a 500: the relay cannot know it was applied.
    fake.failNext(1, { status: 500, apply: true })
    const { conversationId } = await chatWithContact('Ambiguous', { phone: '+44 20 7946 0000' })
    await expect
      .poll(() => deliveryOf('lead.chat', conversationId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    const delivery = (await deliveryOf('lead.chat', conversationId))!
    expect(delivery.attempts).toBe(1)
    expect(fake.leads().filter((l) => l.ORIGIN_ID === delivery.id)).toHaveLength(1)
    expect(fake.requests().some((r) => r.path.includes('crm.lead.list'))).toBe(true)
  })

  it('dead-letters what waiting cannot fix, shows it in the delivery log and replays it', async () => {
    fake.failNext(1, { status: 401 })
    const { conversationId } = await chatWithContact('Dead', { email: 'dora@example.com' })
    await expect
      .poll(() => deliveryOf('lead.chat', conversationId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('dead')
    const admin = await signIn(server.url, server.demo.email, server.demo.password)
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, origin: server.url }
    const log = (await (
      await fetch(`${server.url}/api/admin/crm/deliveries?status=dead`, { headers })
    ).json()) as {
      deliveries: Array<{ id: string; subjectId: string; lastError: string | null; connectionName: string }>
    }
    const dead = log.deliveries.find((d) => d.subjectId === conversationId)!
    expect(dead).toMatchObject({
      connectionName: 'Bitrix24',
      lastError: expect.stringContaining('unauthorized'),
    })
    expect(JSON.stringify(log)).not.toContain(fake.token)

    const replay = await fetch(`${server.url}/api/admin/crm/deliveries/${dead.id}/replay`, {
      method: 'POST',
      headers,
    })
    expect(replay.status).toBe(200)
    expect(
      ((await replay.json()) as { delivery: { status: string; attempts: number } }).delivery,
    ).toMatchObject({
      status: 'pending',
      attempts: 0,
    })
    await expect
      .poll(() => deliveryOf('lead.chat', conversationId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    const again = await fetch(`${server.url}/api/admin/crm/deliveries/${dead.id}/replay`, {
      method: 'POST',
      headers,
    })
    expect(again.status).toBe(409)
  })

  /** Sends the form, as the visitor (bearer token) when one is given. */
  async function submitForm(values: Record<string, unknown>, visitorToken?: string): Promise<string> {
    const res = await fetch(`${server.url}/api/forms/${form.id}/submissions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(visitorToken && { authorization: `Bearer ${visitorToken}` }),
      },
      body: JSON.stringify({ values }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { submission: { id: string } }).submission.id
  }

  const colleagueActor = (): Actor => ({ kind: 'operator', workspaceId, operator: colleague })

  it('applies the connection’s field map: a Bitrix24 user field and a renamed label', async () => {
    const submissionId = await submitForm({
      name: 'Greta',
      email: 'greta@example.com',
      seats: 40,
      notes: 'Chairs for a hall',
    })
    await expect
      .poll(() => deliveryOf('lead.form', submissionId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    const delivery = (await deliveryOf('lead.form', submissionId))!
    const record = fake.leads().find((l) => l.ORIGIN_ID === delivery.id)
    expect(record).toMatchObject({ ID: delivery.crmId, SOURCE_ID: 'WEBFORM', UF_CRM_SEATS: '40' })
    expect(String(record?.COMMENTS)).toContain('Request: Chairs for a hall')
    expect(String(record?.COMMENTS)).not.toContain('What do you need?')
  })

  it('a visitor who chatted and then sends a form with the same e-mail gets a note, not a second lead', async () => {
    const chat = await chatWithContact('Do you deliver?', { email: 'hana@example.com' })
    await expect
      .poll(() => deliveryOf('lead.chat', chat.conversationId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    const crmId = (await deliveryOf('lead.chat', chat.conversationId))!.crmId!
    const leadsBefore = fake.leads().length

    const submissionId = await submitForm(
      { name: 'Hana', email: 'Hana@Example.com', notes: 'Forty chairs' },
      chat.visitor.token,
    )
    await expect
      .poll(() => deliveryOf('lead.form', submissionId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    expect((await deliveryOf('lead.form', submissionId))!.crmId).toBe(crmId)
    expect(fake.leads().length).toBe(leadsBefore)
    const note = fake
      .comments()
      .find((c) => String(c.ENTITY_ID) === crmId && /Forty chairs/.test(String(c.COMMENT)))
    expect(note?.COMMENT).toContain('Returning client')
  })

  it('a callback request becomes a CALLBACK lead with the normalised phone, its topic and due time', async () => {
    const visitor = await startVisitor(server.url, server.demo.slug)
    const res = await fetch(`${server.url}/api/callback-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Piotr',
        phone: '+48 601 234 567',
        topic: 'Delivery to Gdańsk',
        slot: null,
      }),
    })
    expect(res.status).toBe(201)
    const { callback } = (await res.json()) as { callback: { id: string } }
    await expect
      .poll(() => deliveryOf('lead.callback', callback.id).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    const crmId = (await deliveryOf('lead.callback', callback.id))!.crmId!
    const lead = fake.leads().find((l) => String(l.ID) === crmId)
    expect(lead).toMatchObject({
      SOURCE_ID: 'CALLBACK',
      NAME: 'Piotr',
      PHONE: [{ VALUE: '+48601234567', VALUE_TYPE: 'WORK' }],
    })
    expect(String(lead?.COMMENTS)).toContain('Delivery to Gdańsk')
  })

  it('a chat assigned before it became a lead is created with its responsible person', async () => {
    const visitor = await startVisitor(server.url, server.demo.slug)
    const socket = await openSocket(visitor.wsUrl)
    let conversationId: string
    try {
      await socket.waitFor('session.ready')
      socket.send({ type: 'message.send', id: 'm1', body: 'Hello?' })
      conversationId = (await socket.waitFor('frame.ack', (f) => f.ref === 'm1')).message!.conversationId
    } finally {
      await socket.close()
    }
    // the colleague's reply assigns the chat (routing's assignIfUnassigned); no lead yet, no event
    await server.chat.send(colleagueActor(), { clientId: 'r1', conversationId, body: 'Hi, how can I help?' })
    const res = await fetch(`${server.url}/api/visitors/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ivan@example.com' }),
    })
    expect(res.status).toBe(200)
    await expect
      .poll(() => deliveryOf('lead.chat', conversationId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    const lead = (await deliveryOf('lead.chat', conversationId))!
    expect(fake.leads().find((l) => l.ID === lead.crmId)?.ASSIGNED_BY_ID).toBe(7)
    expect(await deliveryOf('conversation.assigned', conversationId)).toBeUndefined()
  })

  it('the first assignment of a chat that is already a lead sets the responsible person', async () => {
    const { conversationId } = await chatWithContact('Quote please', { email: 'jana@example.com' })
    await expect
      .poll(() => deliveryOf('lead.chat', conversationId).then((d) => d?.status), { timeout: 10_000 })
      .toBe('delivered')
    const lead = (await deliveryOf('lead.chat', conversationId))!
    expect(fake.leads().find((l) => l.ID === lead.crmId)?.ASSIGNED_BY_ID).not.toBe(7)

    await server.chat.send(colleagueActor(), { clientId: 'r2', conversationId, body: 'On it' })
    await expect
      .poll(() => deliveryOf('conversation.assigned', conversationId).then((d) => d?.status), {
        timeout: 10_000,
      })
      .toBe('delivered')
    expect(fake.leads().find((l) => l.ID === lead.crmId)?.ASSIGNED_BY_ID).toBe(7)
  })

  it('kept to Bitrix24’s 2 requests per second all along', () => {
    expect(fake.maxPerSecond()).toBeLessThanOrEqual(2)
  })
})
