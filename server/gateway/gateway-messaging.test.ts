import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LIMITS, type WireMessage } from '../protocol/messages.ts'
import { type Harness, startHarness, type TestClient } from './test-kit.ts'

describe('gateway: messaging', () => {
  let h: Harness
  let visitor: TestClient
  let operator: TestClient
  let visitorToken: string

  beforeEach(async () => {
    h = await startHarness()
    ;({ token: visitorToken } = await h.newVisitor())
    const { cookie } = await h.newOperator('Ann')
    operator = await h.operator(cookie)
    visitor = await h.visitor(visitorToken)
    await Promise.all([operator.waitFor('session.ready'), visitor.waitFor('session.ready')])
  })
  afterEach(async () => {
    await h.close()
  })

  it('sends session.ready first, with the actor and its conversations', async () => {
    const ready = await visitor.waitFor('session.ready')
    expect(visitor.frames[0]).toBe(ready)
    expect(ready).toMatchObject({ role: 'visitor', conversations: [] })
    expect(typeof ready.serverTime).toBe('number')
    const opReady = await operator.waitFor('session.ready')
    expect(opReady.role).toBe('operator')
  })

  it('acknowledges message.send only once the message is stored, and operators get message.created', async () => {
    let storedAtAck: Promise<{ seq: number; body: string }[]> | undefined
    visitor.ws.on('message', (data) => {
      const frame = JSON.parse(String(data))
      if (frame.type === 'frame.ack' && frame.ref === 'm1') {
        storedAtAck = h.store.listMessages(h.workspaceId, frame.message.conversationId)
      }
    })
    visitor.send({ type: 'message.send', id: 'm1', body: 'Hello there' })
    const ack = await visitor.waitFor('frame.ack', (f) => f.ref === 'm1')
    expect(ack.message).toMatchObject({ seq: 1, body: 'Hello there', clientId: 'm1', authorKind: 'visitor' })
    expect(ack.duplicate).toBe(false)
    expect(await storedAtAck).toEqual([expect.objectContaining({ seq: 1, body: 'Hello there' })])

    const created = await operator.waitFor('message.created')
    expect(created.message).toEqual(ack.message)
  })

  it('acknowledges a resend as a duplicate without storing or broadcasting it again', async () => {
    const first = await visitor.request({ type: 'message.send', id: 'm1', body: 'Hello' })
    const again = await visitor.request({ type: 'message.send', id: 'm1', body: 'Hello' })
    expect(again).toMatchObject({ type: 'frame.ack', duplicate: true })
    expect(again.type === 'frame.ack' && again.message).toEqual(first.type === 'frame.ack' && first.message)

    // A later message is a barrier: the bus keeps per-channel order, so once the operator has it,
    // any second broadcast of m1 would already have arrived.
    await visitor.request({ type: 'message.send', id: 'm2', body: 'Barrier' })
    await operator.waitFor('message.created', (f) => f.message.clientId === 'm2')
    expect(operator.of('message.created').filter((f) => f.message.clientId === 'm1')).toHaveLength(1)
    const conversationId = first.type === 'frame.ack' ? first.message?.conversationId : undefined
    const stored = await h.store.listMessages(h.workspaceId, conversationId ?? '')
    expect(stored.map((m) => m.clientId)).toEqual(['m1', 'm2'])
  })

  it('replays what a reconnecting client missed, in order, then conversation.synced', async () => {
    let conversationId = ''
    for (const body of ['one', 'two', 'three']) {
      const ack = await visitor.request({ type: 'message.send', body })
      conversationId = (ack.type === 'frame.ack' && ack.message?.conversationId) || ''
    }
    visitor.ws.close()
    await visitor.closed

    const again = await h.visitor(visitorToken)
    const ready = await again.waitFor('session.ready')
    expect(ready.conversations).toEqual([expect.objectContaining({ id: conversationId, lastSeq: 3 })])
    const reply = await again.request({ type: 'conversation.sync', id: 's1', conversationId, afterSeq: 1 })
    expect(reply.type).toBe('frame.ack')
    // The waiting visitor is also told their queue place again (issue "Open lines"); not replay.
    const afterReady = again.frames
      .slice(again.frames.indexOf(ready) + 1)
      .filter((f) => f.type !== 'queue.position')
    expect(
      afterReady.map((f) => (f.type === 'message.created' ? `${f.type}:${f.message.seq}` : f.type)),
    ).toEqual(['message.created:2', 'message.created:3', 'conversation.synced', 'frame.ack'])
    expect(again.of('conversation.synced')[0]).toEqual({
      type: 'conversation.synced',
      conversationId,
      lastSeq: 3,
    })
  })

  it('answers frames of one socket in arrival order', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `o${i}`)
    for (const id of ids) visitor.send({ type: 'message.send', id, body: `message ${id}` })
    visitor.send({ type: 'nope', id: 'bad' })
    await visitor.reply('bad')
    const replies = visitor.frames.filter((f) => f.type === 'frame.ack' || f.type === 'frame.error')
    expect(replies.map((f) => (f.type === 'frame.ack' || f.type === 'frame.error' ? f.ref : ''))).toEqual([
      ...ids,
      'bad',
    ])
    const seqs = visitor.of('frame.ack').map((f) => (f.message as WireMessage).seq)
    expect(seqs).toEqual(ids.map((_, i) => i + 1))
  })

  it.each([
    ['invalid JSON', '{"type":', 'invalid_json', null],
    ['an unknown type', JSON.stringify({ type: 'admin.drop', id: 'u1' }), 'unknown_type', 'u1'],
    [
      'wrong field types',
      JSON.stringify({ type: 'message.send', id: 'w1', body: 42 }),
      'invalid_frame',
      'w1',
    ],
    [
      'a missing field',
      JSON.stringify({ type: 'conversation.sync', id: 'w2', afterSeq: 0 }),
      'invalid_frame',
      'w2',
    ],
    [
      'a frame over LIMITS.maxFrameBytes',
      JSON.stringify({ type: 'message.send', id: 'big', body: 'x'.repeat(LIMITS.maxFrameBytes) }),
      'frame_too_large',
      null,
    ],
  ])('answers %s with frame.error and keeps the socket usable', async (_name, data, code, ref) => {
    visitor.ws.send(data)
    const error = await visitor.waitFor('frame.error')
    expect(error).toMatchObject({ code, ref })
    const ack = await visitor.request({ type: 'message.send', body: 'still here' })
    expect(ack).toMatchObject({ type: 'frame.ack', message: { body: 'still here' } })
  })

  it('answers a binary frame with invalid_frame and keeps the socket usable', async () => {
    visitor.ws.send(Buffer.from(JSON.stringify({ type: 'message.send', id: 'b1', body: 'hi' })), {
      binary: true,
    })
    expect(await visitor.waitFor('frame.error')).toMatchObject({ code: 'invalid_frame', ref: null })
    expect(await visitor.request({ type: 'message.send', body: 'text works' })).toMatchObject({
      type: 'frame.ack',
    })
  })

  it('closes with 1009 above the 1 MiB hard cap', async () => {
    visitor.ws.send('x'.repeat(1024 * 1024 + 1))
    expect((await visitor.closed).code).toBe(1009)
  })

  it('maps chat errors to their codes', async () => {
    const noConversation = await visitor.request({
      type: 'conversation.sync',
      conversationId: 'nope',
      afterSeq: 0,
    })
    expect(noConversation).toMatchObject({ type: 'frame.error', code: 'not_found' })
    const operatorWithout = await operator.request({ type: 'message.send', body: 'where to?' })
    expect(operatorWithout).toMatchObject({ type: 'frame.error', code: 'invalid_frame' })
  })

  it('lets an operator reply and close; the visitor sees both', async () => {
    const sent = await visitor.request({ type: 'message.send', body: 'Help' })
    const conversationId = (sent.type === 'frame.ack' && sent.message?.conversationId) || ''
    const reply = await operator.request({ type: 'message.send', conversationId, body: 'Hi, Ann here' })
    expect(reply).toMatchObject({
      type: 'frame.ack',
      message: { seq: 2, authorKind: 'operator', authorName: 'Ann' },
    })
    await visitor.waitFor('message.created', (f) => f.message.seq === 2)

    expect(await operator.request({ type: 'conversation.close', conversationId })).toMatchObject({
      type: 'frame.ack',
    })
    await visitor.waitFor('conversation.updated', (f) => f.conversation.status === 'closed')
  })
})

describe('gateway: unexpected failures', () => {
  let h: Harness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('answers an unexpected error with frame.error internal, logs it, and carries on', async () => {
    h = await startHarness({
      wrapChat: (chat) => ({
        ...chat,
        send: async () => {
          throw new Error('disk on fire')
        },
      }),
    })
    const client = await h.visitor((await h.newVisitor()).token)
    await client.waitFor('session.ready')
    const reply = await client.request({ type: 'message.send', id: 'x1', body: 'hello' })
    expect(reply).toEqual({ type: 'frame.error', ref: 'x1', code: 'internal', message: 'Internal error' })
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        level: 'error',
        fields: expect.objectContaining({ error: expect.stringContaining('disk on fire') }),
      }),
    )
    expect(await client.request({ type: 'presence.set', status: 'away' })).toMatchObject({
      code: 'forbidden',
    })
  })

  it('closes with 1011 when the session cannot be started', async () => {
    h = await startHarness({
      wrapChat: (chat) => ({
        ...chat,
        list: async () => {
          throw new Error('database gone')
        },
      }),
    })
    const client = await h.visitor((await h.newVisitor()).token)
    expect((await client.closed).code).toBe(1011)
    expect(client.frames).toEqual([])
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'session start failed' }))
  })
})
