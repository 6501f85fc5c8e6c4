/**
 * Issue "Open lines", item 4, over real sockets: a visitor writing again within the line's reopen
 * window picks the closed conversation up again (later: a new one starts), and a conversation
 * nobody writes in is closed after `autoCloseInactiveMinutes` — here on a clock 600× real time,
 * so its one minute passes in a tenth of a second of the test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Harness, startHarness, type TestClient } from '../gateway/test-kit.ts'
import type { RoutingSettingsInput } from '../routing/index.ts'

let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

async function setup(routing: RoutingSettingsInput, speed = 1) {
  const h = await startHarness({ autoReplies: { speed } })
  harness = h
  const ann = await h.newOperator('Ann')
  const line = await h.createLine({ queue: [ann.operator.id], ...routing })
  const widget = await h.createWidget([], line.id)
  const operator = await h.operator(ann.cookie)
  await operator.waitFor('session.ready')
  const visitor = await h.visitor((await h.newVisitor(widget)).token)
  await visitor.waitFor('session.ready')
  return { h, operator, visitor }
}

async function send(visitor: TestClient, body: string): Promise<string> {
  const ack = await visitor.request({ type: 'message.send', body })
  if (ack.type !== 'frame.ack' || !ack.message) throw new Error(`not acked: ${JSON.stringify(ack)}`)
  return ack.message.conversationId
}

async function closeByOperator(operator: TestClient, visitor: TestClient, conversationId: string) {
  expect(await operator.request({ type: 'conversation.close', conversationId })).toMatchObject({
    type: 'frame.ack',
  })
  await visitor.waitFor(
    'conversation.updated',
    (f) => f.conversation.id === conversationId && f.conversation.status === 'closed',
  )
}

describe('reopen window', () => {
  it('a visitor writing again within the window reopens the closed conversation', async () => {
    const { operator, visitor } = await setup({ reopenWindowMinutes: 60 })
    const first = await send(visitor, 'Hello')
    await closeByOperator(operator, visitor, first)

    expect(await send(visitor, 'One more thing')).toBe(first)
    const reopened = await operator.waitFor(
      'conversation.updated',
      (f) => f.conversation.id === first && f.conversation.status === 'open',
    )
    expect(reopened.conversation.closedAt).toBeNull()
  })

  it('keeps a reopened conversation with its operator while connected, else routes it to the queue', async () => {
    const h = await startHarness({ routing: {} })
    harness = h
    const [ann, bob] = [await h.newOperator('Ann'), await h.newOperator('Bob')]
    const line = await h.createLine({ queue: [ann.operator.id, bob.operator.id], reopenWindowMinutes: 60 })
    const widget = await h.createWidget([], line.id)
    const annSocket = await h.operator(ann.cookie)
    await annSocket.waitFor('session.ready')
    const visitor = await h.visitor((await h.newVisitor(widget)).token)
    await visitor.waitFor('session.ready')
    const assignee = async (id: string) => (await h.store.getConversation(h.workspaceId, id))?.assigneeId

    const first = await send(visitor, 'Hello')
    await annSocket.waitFor('conversation.updated', (f) => f.conversation.assigneeId === ann.operator.id)
    await closeByOperator(annSocket, visitor, first)
    expect(await send(visitor, 'Ann, one more thing')).toBe(first)
    expect(await assignee(first)).toBe(ann.operator.id)

    await closeByOperator(annSocket, visitor, first)
    annSocket.ws.close()
    const bobSocket = await h.operator(bob.cookie)
    await bobSocket.waitFor('session.ready')
    await vi.waitFor(async () => {
      const [presence] = await h.store.listOperatorPresence(h.workspaceId, [ann.operator.id])
      expect(presence?.status).toBe('offline')
    })
    expect(await send(visitor, 'Anyone else?')).toBe(first)
    await bobSocket.waitFor(
      'conversation.updated',
      (f) => f.conversation.id === first && f.conversation.assigneeId === bob.operator.id,
    )
    const events = await h.store.listEvents(h.workspaceId, first)
    expect(events.filter((e) => e.type === 'conversation.reopened').map((e) => e.data)).toEqual([
      expect.anything(),
      { releasedFrom: ann.operator.id },
    ])
  })

  it('after the window a new conversation starts and the old one stays closed', async () => {
    const { h, operator, visitor } = await setup({ reopenWindowMinutes: 0 })
    const first = await send(visitor, 'Hello')
    await closeByOperator(operator, visitor, first)

    const second = await send(visitor, 'Hello again')
    expect(second).not.toBe(first)
    expect((await h.store.getConversation(h.workspaceId, first))?.status).toBe('closed')
    // Naming the closed conversation does not reopen it either.
    const named = await visitor.request({ type: 'message.send', conversationId: first, body: 'Still there?' })
    expect(named.type === 'frame.ack' && named.message?.conversationId).toBe(second)
  })
})

describe('close by the visitor', () => {
  it('closes with reason visitor, tells the operator, and may be rated', async () => {
    const { h, operator, visitor } = await setup({})
    const id = await send(visitor, 'Thanks, that is all')
    expect(await visitor.request({ type: 'conversation.close', conversationId: id })).toMatchObject({
      type: 'frame.ack',
    })
    await operator.waitFor(
      'conversation.updated',
      (f) => f.conversation.id === id && f.conversation.status === 'closed',
    )
    expect((await h.store.getConversationKpis(h.workspaceId, id))?.closeReason).toBe('visitor')
    expect(
      await visitor.request({ type: 'conversation.rate', conversationId: id, rating: 'like' }),
    ).toMatchObject({ type: 'frame.ack' })
  })
})

describe('auto-close after inactivity', () => {
  it('closes a conversation nobody wrote in for the configured minutes, with reason inactivity', async () => {
    const { h, operator, visitor } = await setup({ autoCloseInactiveMinutes: 1 }, 600)
    const id = await send(visitor, 'Hello')
    const closed = await visitor.waitFor(
      'conversation.updated',
      (f) => f.conversation.id === id && f.conversation.status === 'closed',
    )
    await operator.waitFor(
      'conversation.updated',
      (f) => f.conversation.id === id && f.conversation.status === 'closed',
    )
    const lastWrite = (await h.store.listMessages(h.workspaceId, id)).at(-1)!.createdAt
    expect(closed.conversation.closedAt).toBeGreaterThanOrEqual(lastWrite + 60_000)
    expect((await h.store.getConversationKpis(h.workspaceId, id))?.closeReason).toBe('inactivity')
  })
})
