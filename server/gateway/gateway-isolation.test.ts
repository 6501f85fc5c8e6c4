/**
 * Workspace isolation over the socket (issue 2, "every query is scoped by workspace"): an operator
 * of workspace A names workspace B's conversation, line and operator ids in every operator frame and
 * gets an error for each, while B's data and B's sockets see nothing of it. The HTTP side of the same
 * promise is server/http/workspace-isolation.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  newCsrfToken,
  newSessionToken,
  SESSION_COOKIE,
  sessionIdFromToken,
  signVisitorToken,
} from '../auth/index.ts'
import { type Harness, SECRET, startHarness, type TestClient } from './test-kit.ts'

describe('gateway: workspace isolation', () => {
  let h: Harness
  /** A's operator socket, the attacker. */
  let attacker: TestClient
  let ownConversationId: string
  let attackerId: string
  let aLineId: string
  /** B's visitor and operator sockets: they must receive nothing caused by A. */
  let bVisitor: TestClient
  let bOperator: TestClient
  const b = { workspaceId: '', lineId: '', operatorId: '', conversationId: '' }
  const B_TEXT = 'B-private-message-over-the-socket'
  /** How many frames B's sockets had before the attacks. */
  const before = { visitor: 0, operator: 0 }
  let bBefore: Awaited<ReturnType<typeof snapshotB>>

  beforeAll(async () => {
    // The line router runs, so accept/skip/transfer reach the real offer and assignment code.
    h = await startHarness({ routing: { speed: 10 } })
    const now = h.clock.now()
    // Workspace B, built beside the harness's workspace A on the same store and gateway.
    const workspace = await h.store.createWorkspace({ name: 'B', now })
    const operator = await h.store.createOperator({
      workspaceId: workspace.id,
      email: 'b-operator@b.test',
      name: 'Bea',
      passwordHash: 'x',
      role: 'admin',
      now,
    })
    // B's conversation is offered to B's operator and stays offered for the whole test.
    const routing = { mode: 'everyone', queue: [operator.id], queueTimeSeconds: 3_600 }
    const line = await h.store.createLine({
      workspaceId: workspace.id,
      name: 'B line',
      settings: { routing },
      now,
    })
    const widget = await h.store.createWidget({
      workspaceId: workspace.id,
      lineId: line.id,
      name: 'B site',
      publicSlug: `b-${now}`,
      allowedOrigins: [],
      now,
    })
    const visitor = await h.store.createVisitor({ workspaceId: workspace.id, widgetId: widget.id, now })
    const token = signVisitorToken(SECRET, {
      workspaceId: workspace.id,
      visitorId: visitor.id,
      widgetId: widget.id,
      issuedAt: now,
    })
    const session = newSessionToken()
    await h.store.createSession({
      id: sessionIdFromToken(session),
      operatorId: operator.id,
      workspaceId: workspace.id,
      csrfToken: newCsrfToken(),
      createdAt: now,
      expiresAt: now + 3_600_000,
    })
    bVisitor = await h.visitor(token)
    bOperator = await h.operator(`${SESSION_COOKIE}=${session}`)
    await Promise.all([bVisitor.waitFor('session.ready'), bOperator.waitFor('session.ready')])
    // Acknowledged once stored: B's operator is online before B's visitor writes.
    expect(await bOperator.request({ type: 'presence.set', status: 'online' })).toMatchObject({
      type: 'frame.ack',
    })
    const sent = await bVisitor.request({ type: 'message.send', body: B_TEXT })
    if (sent.type !== 'frame.ack' || !sent.message) throw new Error('B has no conversation')
    Object.assign(b, {
      workspaceId: workspace.id,
      lineId: line.id,
      operatorId: operator.id,
      conversationId: sent.message.conversationId,
    })
    await bOperator.waitFor('offer.created', (f) => f.conversationId === b.conversationId)

    // Workspace A: an operator who accepts a conversation of their own (to transfer/invite towards B).
    const ann = await h.newOperator('Ann')
    const aLine = await h.createLine({ mode: 'everyone', queue: [ann.operator.id], queueTimeSeconds: 3_600 })
    attacker = await h.operator(ann.cookie)
    attackerId = ann.operator.id
    aLineId = aLine.id
    const ready = await attacker.waitFor('session.ready')
    expect(JSON.stringify(ready)).not.toContain(b.conversationId)
    await attacker.request({ type: 'presence.set', status: 'online' })
    const aVisitor = await h.visitor((await h.newVisitor(await h.createWidget([], aLine.id))).token)
    await aVisitor.waitFor('session.ready')
    const own = await aVisitor.request({ type: 'message.send', body: 'A question' })
    if (own.type !== 'frame.ack' || !own.message) throw new Error('A has no conversation')
    ownConversationId = own.message.conversationId
    await attacker.waitFor('offer.created', (f) => f.conversationId === ownConversationId)
    const accepted = await attacker.request({
      type: 'conversation.accept',
      conversationId: ownConversationId,
    })
    expect(accepted.type).toBe('frame.ack')
    bBefore = await snapshotB()
    before.visitor = bVisitor.frames.length
    before.operator = bOperator.frames.length
  })

  /** Everything of B a frame of A could have changed. */
  async function snapshotB() {
    const { workspaceId, conversationId, lineId } = b
    return {
      conversation: await h.store.getConversation(workspaceId, conversationId),
      messages: await h.store.listMessages(workspaceId, conversationId),
      notes: await h.store.listNotes(workspaceId, conversationId),
      events: await h.store.listEvents(workspaceId, conversationId),
      participants: await h.store.participantsOf(workspaceId, [conversationId]),
      offers: await h.store.listOffers(workspaceId, lineId),
    }
  }
  afterAll(async () => {
    await h.close()
  })

  const attacks: [string, () => Record<string, unknown>][] = [
    [
      'message.send',
      () => ({ type: 'message.send', conversationId: b.conversationId, body: 'A writes into B?' }),
    ],
    ['conversation.close', () => ({ type: 'conversation.close', conversationId: b.conversationId })],
    ['conversation.accept', () => ({ type: 'conversation.accept', conversationId: b.conversationId })],
    ['conversation.skip', () => ({ type: 'conversation.skip', conversationId: b.conversationId })],
    [
      'conversation.transfer (B conversation to A)',
      () => ({ type: 'conversation.transfer', conversationId: b.conversationId, to: { lineId: b.lineId } }),
    ],
    [
      'conversation.transfer (A conversation to B operator)',
      () => ({
        type: 'conversation.transfer',
        conversationId: ownConversationId,
        to: { operatorId: b.operatorId },
      }),
    ],
    [
      'conversation.transfer (A conversation to B line)',
      () => ({ type: 'conversation.transfer', conversationId: ownConversationId, to: { lineId: b.lineId } }),
    ],
    [
      'conversation.invite (into B conversation)',
      () => ({ type: 'conversation.invite', conversationId: b.conversationId, operatorId: b.operatorId }),
    ],
    [
      'conversation.invite (B operator into A conversation)',
      () => ({ type: 'conversation.invite', conversationId: ownConversationId, operatorId: b.operatorId }),
    ],
    ['note.add', () => ({ type: 'note.add', conversationId: b.conversationId, body: 'A note in B?' })],
    ['message.read', () => ({ type: 'message.read', conversationId: b.conversationId, seq: 1 })],
    [
      'conversation.sync',
      () => ({ type: 'conversation.sync', conversationId: b.conversationId, afterSeq: 0 }),
    ],
    ['typing.update', () => ({ type: 'typing.update', conversationId: b.conversationId, typing: true })],
  ]

  for (const [name, frame] of attacks) {
    it(`${name} naming workspace B is refused`, async () => {
      const from = attacker.frames.length
      const reply = await attacker.request(frame())
      expect(reply).toMatchObject({ type: 'frame.error' })
      expect(['not_found', 'forbidden']).toContain((reply as { code: string }).code)
      // Nothing of B came back on the way: no message, note, typing or conversation of B.
      const seen = JSON.stringify(attacker.frames.slice(from))
      expect(seen).not.toContain(B_TEXT)
      expect(seen).not.toMatch(/"(message|note)\.created"|"conversation\.synced"/)
    })
  }

  it('left B untouched and told B nothing', async () => {
    const after = await snapshotB()
    expect(after).toEqual(bBefore)
    expect(after.conversation).toMatchObject({
      status: 'open',
      lastSeq: 1,
      assigneeId: null,
      operatorReadSeq: 0,
    })
    expect(after.offers.map((o) => o.operatorId)).toEqual([b.operatorId])
    // A's own conversation stayed with A's operator, unshared.
    const own = await h.store.getConversation(h.workspaceId, ownConversationId)
    expect(own).toMatchObject({ assigneeId: attackerId, lineId: aLineId })
    const shared = await h.store.participantsOf(h.workspaceId, [ownConversationId])
    expect(shared.get(ownConversationId) ?? []).not.toContain(b.operatorId)
    // A barrier: B's own frame round-trips after every attack, so anything A caused would be before it.
    await bOperator.request({ type: 'typing.update', conversationId: b.conversationId, typing: false })
    await bVisitor.waitFor('typing.updated', (f) => f.typing === false)
    const since = [bVisitor.frames.slice(before.visitor), bOperator.frames.slice(before.operator)]
    for (const frames of since) {
      const text = JSON.stringify(frames)
      expect(text).not.toContain('A writes into B?')
      expect(text).not.toContain('A note in B?')
      // Only B's own barrier may show up: no message, note, update, read receipt or typing of A's.
      const types = frames.map((f) => f.type).filter((t) => t !== 'frame.ack')
      expect(types.every((t) => t === 'typing.updated')).toBe(true)
      expect(frames.some((f) => f.type === 'typing.updated' && f.typing)).toBe(false)
    }
  })
})
