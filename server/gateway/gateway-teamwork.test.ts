import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, startHarness, type TestClient } from './test-kit.ts'

/** Issue "Open lines", items 4 and 5: hidden notes, transfer, invite and rating over real sockets. */
describe('gateway: teamwork', () => {
  let h: Harness
  let visitor: TestClient
  let operator: TestClient
  let visitorToken: string
  let ann: Awaited<ReturnType<Harness['newOperator']>>
  /** Every text frame the visitor's sockets received, unparsed: a note must appear in none. */
  const raw: string[] = []

  const record = (client: TestClient) => client.ws.on('message', (data) => raw.push(String(data)))

  beforeEach(async () => {
    raw.length = 0
    h = await startHarness()
    ;({ token: visitorToken } = await h.newVisitor())
    ann = await h.newOperator('Ann')
    operator = await h.operator(ann.cookie)
    visitor = await h.visitor(visitorToken)
    record(visitor)
    await Promise.all([operator.waitFor('session.ready'), visitor.waitFor('session.ready')])
  })
  afterEach(async () => {
    await h.close()
  })

  async function startConversation(): Promise<string> {
    const ack = await visitor.request({ type: 'message.send', body: 'Hello' })
    if (ack.type !== 'frame.ack' || !ack.message) throw new Error('no ack')
    return ack.message.conversationId
  }

  it('keeps notes from the visitor on every path: live, replay and session.ready', async () => {
    const conversationId = await startConversation()
    const secret = 'NOTE-visitor-must-never-see-this'
    const ack = await operator.request({ type: 'note.add', id: 'n1', conversationId, body: secret })
    expect(ack).toMatchObject({
      type: 'frame.ack',
      note: { seq: 1, body: secret, authorId: ann.operator.id },
    })
    expect((await operator.waitFor('note.created')).note.body).toBe(secret)
    // A message after the note is a barrier: the visitor's channel keeps order.
    await operator.request({ type: 'message.send', conversationId, body: 'barrier' })
    await visitor.waitFor('message.created', (f) => f.message.body === 'barrier')

    visitor.ws.close()
    await visitor.closed
    const again = await h.visitor(visitorToken)
    record(again)
    const ready = await again.waitFor('session.ready')
    expect(ready.conversations[0]).toMatchObject({ id: conversationId, lastSeq: 2 })
    const synced = await again.request({ type: 'conversation.sync', conversationId, afterSeq: 0 })
    expect(synced.type).toBe('frame.ack')
    expect(again.of('message.created').map((f) => f.message.seq)).toEqual([1, 2])
    expect(raw.length).toBeGreaterThan(4)
    for (const text of raw) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain('note.created')
    }

    // The operator's replay includes the note, after the messages; afterNoteSeq skips seen ones.
    await operator.request({ type: 'conversation.sync', id: 'os1', conversationId, afterSeq: 0 })
    expect(operator.of('note.created').map((f) => f.note.body)).toEqual([secret, secret])
    const from = operator.frames.length
    await operator.request({
      type: 'conversation.sync',
      id: 'os2',
      conversationId,
      afterSeq: 2,
      afterNoteSeq: 1,
    })
    expect(operator.frames.slice(from).some((f) => f.type === 'note.created')).toBe(false)
  })

  it('refuses note.add, transfer and invite from a visitor with forbidden', async () => {
    const conversationId = await startConversation()
    for (const frame of [
      { type: 'note.add', conversationId, body: 'sneaky' },
      { type: 'conversation.transfer', conversationId, to: { operatorId: ann.operator.id } },
      { type: 'conversation.invite', conversationId, operatorId: ann.operator.id },
    ]) {
      expect(await visitor.request(frame)).toMatchObject({ type: 'frame.error', code: 'forbidden' })
    }
    expect(await h.store.listNotes(h.workspaceId, conversationId)).toEqual([])
  })

  it('transfers to an operator and to a line, telling the visitor and recording events', async () => {
    const conversationId = await startConversation()
    const boris = await h.newOperator('Boris')
    const toBoris = await operator.request({
      type: 'conversation.transfer',
      conversationId,
      to: { operatorId: boris.operator.id },
    })
    expect(toBoris.type).toBe('frame.ack')
    const notice = await visitor.waitFor('message.created', (f) => f.message.authorKind === 'system')
    expect(notice.message).toMatchObject({ body: 'You are now talking to Boris', seq: 2 })
    const updated = await operator.waitFor(
      'conversation.updated',
      (f) => f.conversation.assigneeId === boris.operator.id,
    )
    expect(updated.conversation.id).toBe(conversationId)

    const sales = await h.store.createLine({ workspaceId: h.workspaceId, name: 'Sales', now: Date.now() })
    const toLine = await operator.request({
      type: 'conversation.transfer',
      conversationId,
      to: { lineId: sales.id },
    })
    expect(toLine.type).toBe('frame.ack')
    await visitor.waitFor(
      'message.created',
      (f) => f.message.body === 'Your conversation was passed to Sales',
    )
    const moved = await h.store.getConversation(h.workspaceId, conversationId)
    expect(moved).toMatchObject({ lineId: sales.id, assigneeId: null, lastSeq: 3 })
    const events = (await h.store.listEvents(h.workspaceId, conversationId)).filter(
      (e) => e.type === 'conversation.transferred',
    )
    expect(events.map((e) => e.data)).toEqual([
      { from: { operatorId: null, lineId: h.widget.lineId }, to: { operatorId: boris.operator.id } },
      { from: { operatorId: boris.operator.id, lineId: h.widget.lineId }, to: { lineId: sales.id } },
    ])
    expect((await h.store.getConversationKpis(h.workspaceId, conversationId))?.transfers).toBe(2)

    const foreign = await operator.request({
      type: 'conversation.transfer',
      conversationId,
      to: { lineId: 'nope' },
    })
    expect(foreign).toMatchObject({ type: 'frame.error', code: 'not_found' })
  })

  it('invites a colleague as a participant who then writes in the conversation', async () => {
    const conversationId = await startConversation()
    const chen = await h.newOperator('Chen')
    const invited = await operator.request({
      type: 'conversation.invite',
      conversationId,
      operatorId: chen.operator.id,
    })
    expect(invited.type).toBe('frame.ack')
    const updated = await operator.waitFor(
      'conversation.updated',
      (f) => (f.conversation.participantIds ?? []).length > 0,
    )
    expect(updated.conversation.participantIds).toEqual([chen.operator.id])
    const chenSocket = await h.operator(chen.cookie)
    const ready = await chenSocket.waitFor('session.ready')
    expect(ready.conversations.find((c) => c.id === conversationId)?.participantIds).toEqual([
      chen.operator.id,
    ])
    expect(
      await chenSocket.request({ type: 'message.send', conversationId, body: 'Chen here' }),
    ).toMatchObject({
      type: 'frame.ack',
    })
    const events = await h.store.listEvents(h.workspaceId, conversationId)
    expect(events.find((e) => e.type === 'conversation.invited')?.data).toEqual({
      operatorId: chen.operator.id,
    })
  })

  it('lets the visitor rate a closed conversation; operators get the rating', async () => {
    const conversationId = await startConversation()
    const early = await visitor.request({ type: 'conversation.rate', conversationId, rating: 'like' })
    expect(early).toMatchObject({ type: 'frame.error', code: 'forbidden' })
    await operator.request({ type: 'conversation.close', conversationId })
    const rated = await visitor.request({
      type: 'conversation.rate',
      conversationId,
      rating: 'dislike',
      comment: 'slow',
    })
    expect(rated.type).toBe('frame.ack')
    const updated = await operator.waitFor('conversation.updated', (f) => f.conversation.rating != null)
    expect(updated.conversation.rating).toMatchObject({ value: 'dislike', comment: 'slow' })
    await visitor.request({ type: 'conversation.rate', conversationId, rating: 'like' })
    await operator.waitFor('conversation.updated', (f) => f.conversation.rating?.value === 'like')
    expect(
      await operator.request({ type: 'conversation.rate', conversationId, rating: 'like' }),
    ).toMatchObject({
      code: 'forbidden',
    })
    const kpis = await h.store.getConversationKpis(h.workspaceId, conversationId)
    expect(kpis).toMatchObject({ closeReason: 'operator', rating: { value: 'like' } })
  })
})
