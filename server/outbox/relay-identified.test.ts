/**
 * Recognition by identified id against the Bitrix24 contract fake (issue 6 item 1): a visitor
 * identified as "u-42" chats, and later — on another device, with a different e-mail — submits a
 * form identified the same: a note on the same record, no second lead. The identified id is looked
 * up first: the form's e-mail belongs to an earlier, unrelated record, and still loses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVisitor } from '../../tests/support/http-client.ts'
import { startTestServer, type TestServer } from '../../tests/support/test-server.ts'
import { openSocket } from '../../tests/support/ws-client.ts'
import { type Bitrix24Fake, startBitrix24Fake } from '../crm/fakes/index.ts'

const ENV = { OUTBOX_SWEEP_MS: '60000', OUTBOX_RETRY_STEPS_MS: '50', OUTBOX_MIN_DELAY_MS: '10' }

describe('outbox relay → Bitrix24 fake: identified visitors', () => {
  let server: TestServer
  let fake: Bitrix24Fake
  let workspaceId: string
  let form: { id: string }

  beforeAll(async () => {
    fake = await startBitrix24Fake()
    server = await startTestServer(ENV)
    workspaceId = (await server.store.findWidget(server.demo.widgetId))!.workspaceId
    await server.store.createCrmConnection({
      workspaceId,
      name: 'Bitrix24',
      connection: { kind: 'bitrix24', webhookUrl: fake.webhookUrl },
      userMap: {},
      fieldMap: {},
      now: Date.now(),
    })
    form = await server.store.createForm({
      workspaceId,
      name: 'Quote request',
      enabled: true,
      definition: {
        version: 1,
        sections: [{ key: 'c', fields: [{ key: 'email', type: 'email', label: 'E-mail', required: true }] }],
      },
      now: Date.now(),
    })
    // Issue 5: the demo widget shows the form, so its visitors may send it.
    const settings = { channels: { enabled: ['chat', 'form'], formId: form.id } }
    await server.store.updateWidget(workspaceId, server.demo.widgetId, { settings, now: Date.now() })
  })

  afterAll(async () => {
    await server?.stop()
    await fake?.close()
  })

  const patchVisitor = (token: string, body: unknown) =>
    fetch(`${server.url}/api/visitors/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  /** A new visitor (a new device) writes one message, then the page identifies them. */
  async function chatAs(identity: Record<string, string>, body: string) {
    const visitor = await startVisitor(server.url, server.demo.slug)
    const socket = await openSocket(visitor.wsUrl)
    try {
      await socket.waitFor('session.ready')
      socket.send({ type: 'message.send', id: 'm1', body })
      const ack = await socket.waitFor('frame.ack', (f) => f.ref === 'm1')
      expect((await patchVisitor(visitor.token, identity)).status).toBe(200)
      return ack.message!.conversationId
    } finally {
      await socket.close()
    }
  }

  async function delivered(topic: string, subjectId: string) {
    const find = async () =>
      (await server.store.listCrmDeliveries(workspaceId, { limit: 500 })).find(
        (d) => d.topic === topic && d.subjectId === subjectId,
      )
    await expect.poll(async () => (await find())?.status, { timeout: 10_000 }).toBe('delivered')
    return (await find())!
  }

  it('a form from another device, identified the same, is a note on the chat’s record', async () => {
    // An earlier, unrelated client owns shared@example.com.
    const other = await delivered('lead.chat', await chatAs({ email: 'shared@example.com' }, 'Hello'))

    const chat = await delivered(
      'lead.chat',
      await chatAs({ id: 'u-42', name: 'Cleo', email: 'cleo@example.com' }, 'Need 12 desks'),
    )
    expect(chat.crmId).not.toBe(other.crmId)
    const record = fake.leads().find((l) => l.ID === chat.crmId)
    expect(record).toMatchObject({ NAME: 'Cleo', ORIGIN_ID: chat.id })
    const leadsBefore = fake.leads().length

    const laptop = await startVisitor(server.url, server.demo.slug)
    expect((await patchVisitor(laptop.token, { id: 'u-42' })).status).toBe(200)
    const res = await fetch(`${server.url}/api/forms/${form.id}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${laptop.token}` },
      body: JSON.stringify({ values: { email: 'shared@example.com' } }),
    })
    expect(res.status).toBe(201)
    const submissionId = ((await res.json()) as { submission: { id: string } }).submission.id

    const formDelivery = await delivered('lead.form', submissionId)
    expect(formDelivery.crmId).toBe(chat.crmId)
    expect(fake.leads().length).toBe(leadsBefore)
    expect(
      fake
        .comments()
        .some((c) => String(c.ENTITY_ID) === chat.crmId && String(c.COMMENT).includes('Quote request')),
    ).toBe(true)
    expect(fake.comments().some((c) => String(c.ENTITY_ID) === other.crmId)).toBe(false)
  })
})
