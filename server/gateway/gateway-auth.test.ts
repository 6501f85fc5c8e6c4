import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signVisitorToken } from '../auth/index.ts'
import { expectRefused, type Harness, SECRET, startHarness } from './test-kit.ts'

describe('gateway: authentication and authorisation', () => {
  let h: Harness

  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  it('refuses a visitor without a token, or with a bad one, with 401 and a JSON body', async () => {
    expect(await expectRefused(h.url('role=visitor'))).toEqual({
      status: 401,
      body: { error: 'missing_token', message: expect.any(String) },
    })
    const { token } = await h.newVisitor()
    const tampered = `${token.slice(0, -2)}xx`
    expect((await expectRefused(h.url(`role=visitor&token=${tampered}`))).status).toBe(401)
    const foreign = signVisitorToken('another-secret-of-at-least-thirty-two-chars', {
      workspaceId: h.workspaceId,
      visitorId: 'v1',
      widgetId: h.widget.id,
      issuedAt: 0,
    })
    expect((await expectRefused(h.url(`role=visitor&token=${foreign}`))).status).toBe(401)
    expect(h.gateway.connections()).toBe(0)
  })

  it('refuses a token whose widget does not exist (or is in another workspace)', async () => {
    const token = signVisitorToken(SECRET, {
      workspaceId: h.workspaceId,
      visitorId: 'v1',
      widgetId: 'no-such-widget',
      issuedAt: 0,
    })
    expect((await expectRefused(h.url(`role=visitor&token=${token}`))).status).toBe(401)
    const otherWorkspace = signVisitorToken(SECRET, {
      workspaceId: 'other-workspace',
      visitorId: 'v1',
      widgetId: h.widget.id,
      issuedAt: 0,
    })
    expect((await expectRefused(h.url(`role=visitor&token=${otherWorkspace}`))).status).toBe(401)
  })

  it("enforces the widget's origin allow-list; the public chat page is always allowed", async () => {
    const widget = await h.createWidget(['https://shop.example'])
    const { token } = await h.newVisitor(widget)
    const url = h.url(`role=visitor&token=${token}`)
    expect(await expectRefused(url, { origin: 'https://evil.example' })).toMatchObject({
      status: 403,
      body: { error: 'origin_not_allowed' },
    })
    expect((await expectRefused(url)).status).toBe(403)

    const fromShop = await h.visitor(token, { origin: 'https://shop.example' })
    await fromShop.waitFor('session.ready')
    const fromChatPage = await h.visitor(token, { origin: h.publicOrigin })
    await fromChatPage.waitFor('session.ready')
  })

  it('accepts any origin for a widget with an empty allow-list', async () => {
    const { token } = await h.newVisitor()
    const client = await h.visitor(token, { origin: 'https://anywhere.example' })
    expect((await client.waitFor('session.ready')).role).toBe('visitor')
  })

  it('requires the exact public origin for operators (cross-site WebSocket hijacking)', async () => {
    const { cookie } = await h.newOperator('Ann')
    for (const origin of ['https://evil.example', `${h.publicOrigin}.evil.example`, 'null']) {
      expect(await expectRefused(h.url('role=operator'), { origin, headers: { cookie } })).toMatchObject({
        status: 403,
        body: { error: 'origin_not_allowed' },
      })
    }
    expect((await expectRefused(h.url('role=operator'), { headers: { cookie } })).status).toBe(403)
    const ok = await h.operator(cookie)
    expect((await ok.waitFor('session.ready')).role).toBe('operator')
  })

  it('refuses an operator without a valid session with 401', async () => {
    const origin = h.publicOrigin
    expect((await expectRefused(h.url('role=operator'), { origin })).status).toBe(401)
    const bogus = { origin, headers: { cookie: 'ol_session=not-a-session' } }
    expect((await expectRefused(h.url('role=operator'), bogus)).status).toBe(401)
  })

  it('answers 404 off the gateway path and 400 for an unknown role', async () => {
    const { token } = await h.newVisitor()
    const wrongPath = h.url(`role=visitor&token=${token}`).replace('/ws?', '/other?')
    expect((await expectRefused(wrongPath)).status).toBe(404)
    expect((await expectRefused(h.url('role=admin'))).status).toBe(400)
  })

  it("keeps a visitor out of another visitor's conversation", async () => {
    const alice = await h.visitor((await h.newVisitor()).token)
    const mallory = await h.visitor((await h.newVisitor()).token)
    await Promise.all([alice.waitFor('session.ready'), mallory.waitFor('session.ready')])
    const sent = await alice.request({ type: 'message.send', body: 'my secret' })
    const conversationId = (sent.type === 'frame.ack' && sent.message?.conversationId) || ''
    expect(conversationId).not.toBe('')

    for (const frame of [
      { type: 'conversation.sync', conversationId, afterSeq: 0 },
      { type: 'message.send', conversationId, body: 'let me in' },
      { type: 'typing.update', conversationId, typing: true },
      { type: 'message.read', conversationId, seq: 1 },
      { type: 'conversation.close', conversationId },
    ]) {
      expect(await mallory.request(frame)).toMatchObject({ type: 'frame.error', code: 'not_found' })
    }
    expect(await mallory.request({ type: 'presence.set', status: 'online' })).toMatchObject({
      type: 'frame.error',
      code: 'forbidden',
    })
    expect(mallory.of('message.created')).toEqual([])
    expect(await h.store.listMessages(h.workspaceId, conversationId)).toHaveLength(1)
  })
})
