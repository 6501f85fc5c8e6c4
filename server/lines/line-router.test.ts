/**
 * Issue "Open lines": the routing runtime over real sockets — a real gateway, SQLite and memory
 * bus, the line router on a clock 10× faster than real time (a 5 s queue time passes in 0.5 s).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, startHarness, type TestClient } from '../gateway/test-kit.ts'
import type { RoutingSettingsInput } from '../routing/index.ts'

let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

/** A line with these settings, its widget, and operators online on it (presence stored). */
async function setup(names: string[], routing: (ids: string[]) => RoutingSettingsInput) {
  const h = await startHarness({ routing: { speed: 10 } })
  harness = h
  // Watches presence so the test starts routing only once every operator is stored as online.
  const watcher = await h.newOperator('Watcher')
  const watch = await h.operator(watcher.cookie)
  await watch.waitFor('session.ready')
  const people = await Promise.all(names.map((name) => h.newOperator(name)))
  const line = await h.createLine(routing(people.map((p) => p.operator.id)))
  const widget = await h.createWidget([], line.id)
  const sockets: TestClient[] = []
  for (const person of people) {
    const socket = await h.operator(person.cookie)
    await socket.waitFor('session.ready')
    await watch.waitFor(
      'presence.updated',
      (f) => f.operatorId === person.operator.id && f.status === 'online',
    )
    sockets.push(socket)
  }
  const { visitorId, token } = await h.newVisitor(widget)
  const visitor = await h.visitor(token)
  await visitor.waitFor('session.ready')
  return { h, line, widget, people, sockets, visitor, visitorId }
}

async function firstMessage(visitor: TestClient): Promise<string> {
  const ack = await visitor.request({ type: 'message.send', body: 'Hello?' })
  if (ack.type !== 'frame.ack' || !ack.message) throw new Error(`not acked: ${JSON.stringify(ack)}`)
  return ack.message.conversationId
}

describe('line router', () => {
  it('in-order: offers to the first operator, then passes to the next after the queue time', async () => {
    const { people, sockets, visitor } = await setup(['Anna', 'Boris'], (queue) => ({
      mode: 'in-order',
      queue,
      queueTimeSeconds: 5,
    }))
    const [anna, boris] = people.map((p) => p.operator.id) as [string, string]
    const [annaWs, borisWs] = sockets as [TestClient, TestClient]
    const conversationId = await firstMessage(visitor)

    const first = await annaWs.waitFor('offer.created', (f) => f.conversationId === conversationId)
    expect(first.operatorId).toBe(anna)
    expect(first.expiresAt).toEqual(expect.any(Number))
    const second = await borisWs.waitFor(
      'offer.created',
      (f) => f.conversationId === conversationId && f.operatorId === boris,
    )
    expect(second.expiresAt).toBeGreaterThan(first.expiresAt ?? 0)
    const expired = await annaWs.waitFor('offer.withdrawn', (f) => f.operatorId === anna)
    expect(expired).toMatchObject({ conversationId, reason: 'expired' })
    expect(annaWs.of('offer.created').filter((f) => f.operatorId === boris)).toHaveLength(1)

    expect(await borisWs.request({ type: 'conversation.accept', conversationId })).toMatchObject({
      type: 'frame.ack',
    })
    const updated = await visitor.waitFor('conversation.updated', (f) => f.conversation.assigneeId !== null)
    expect(updated.conversation.assigneeId).toBe(boris)
  })

  it('everyone: offers to all; the first accept wins and the other offers are withdrawn at once', async () => {
    const { h, people, sockets, visitor } = await setup(['Anna', 'Boris', 'Chen'], (queue) => ({
      mode: 'everyone',
      queue,
    }))
    const ids = people.map((p) => p.operator.id)
    const [annaWs, borisWs, chenWs] = sockets as [TestClient, TestClient, TestClient]
    const conversationId = await firstMessage(visitor)
    for (const [i, ws] of sockets.entries()) {
      const offer = await ws.waitFor('offer.created', (f) => f.operatorId === ids[i])
      expect(offer).toMatchObject({ conversationId, expiresAt: null })
    }

    expect(await borisWs.request({ type: 'conversation.accept', conversationId })).toMatchObject({
      type: 'frame.ack',
    })
    for (const [ws, id] of [
      [annaWs, ids[0]],
      [chenWs, ids[2]],
    ] as const) {
      const gone = await ws.waitFor('offer.withdrawn', (f) => f.operatorId === id)
      expect(gone).toMatchObject({ conversationId, reason: 'taken' })
    }
    expect(borisWs.of('offer.withdrawn').filter((f) => f.operatorId === ids[1])).toEqual([])
    const late = await annaWs.request({ type: 'conversation.accept', conversationId })
    expect(late).toMatchObject({ type: 'frame.error', code: 'conversation_taken' })
    const conversation = await h.store.getConversation(h.workspaceId, conversationId)
    expect(conversation?.assigneeId).toBe(ids[1])
    const events = await h.store.listEvents(h.workspaceId, conversationId)
    expect(events.filter((e) => e.type === 'conversation.assigned')).toHaveLength(1)
  })

  it('skip: everyone mode leaves the offer with the others; a skipped operator is not asked again', async () => {
    const { h, people, sockets, visitor } = await setup(['Anna', 'Boris'], (queue) => ({
      mode: 'everyone',
      queue,
    }))
    const [anna, boris] = people.map((p) => p.operator.id) as [string, string]
    const [annaWs, borisWs] = sockets as [TestClient, TestClient]
    const conversationId = await firstMessage(visitor)
    await annaWs.waitFor('offer.created', (f) => f.operatorId === anna)
    await borisWs.waitFor('offer.created', (f) => f.operatorId === boris)
    expect(await annaWs.request({ type: 'conversation.skip', conversationId })).toMatchObject({
      type: 'frame.ack',
    })
    expect(await annaWs.waitFor('offer.withdrawn', (f) => f.operatorId === anna)).toMatchObject({
      reason: 'skipped',
    })
    expect(await annaWs.request({ type: 'conversation.accept', conversationId })).toMatchObject({
      type: 'frame.error',
      code: 'forbidden',
    })
    await h.router?.idle()
    expect(annaWs.of('offer.created').filter((f) => f.operatorId === anna)).toHaveLength(1)
    expect(await borisWs.request({ type: 'conversation.accept', conversationId })).toMatchObject({
      type: 'frame.ack',
    })
  })

  it('a returning visitor goes back to the operator who answered them last', async () => {
    const { h, line, widget, people, visitor, visitorId } = await setup(['Anna', 'Boris'], (queue) => ({
      mode: 'evenly',
      queue,
    }))
    const boris = people[1]!.operator.id
    // Yesterday's chat, answered by Boris: he is "recently assigned", so evenly alone picks Anna.
    const old = await h.store.createConversation({
      workspaceId: h.workspaceId,
      lineId: line.id,
      widgetId: widget.id,
      visitorId,
      now: Date.now() - 86_400_000,
    })
    await h.store.updateConversation(h.workspaceId, old.id, {
      assigneeId: boris,
      status: 'closed',
      // Closed yesterday too: past the reopen window, so the visitor's message starts a new chat.
      closedAt: Date.now() - 82_800_000,
      now: Date.now(),
    })
    const conversationId = await firstMessage(visitor)
    const updated = await visitor.waitFor(
      'conversation.updated',
      (f) => f.conversation.id === conversationId && f.conversation.assigneeId !== null,
    )
    expect(updated.conversation.assigneeId).toBe(boris)
    const events = await h.store.listEvents(h.workspaceId, conversationId)
    expect(events.find((e) => e.type === 'conversation.assigned')?.data).toEqual({
      operatorId: boris,
      reason: 'returning-client',
    })
  })

  it('tells a waiting visitor their place, and assigns as soon as an operator comes online', async () => {
    const h = await startHarness({ routing: { speed: 10 } })
    harness = h
    // Routing settings with no queue: evenly over every operator of the workspace.
    const widget = await h.createWidget([], (await h.createLine({})).id)
    const { token } = await h.newVisitor(widget)
    const visitor = await h.visitor(token)
    await visitor.waitFor('session.ready')
    const conversationId = await firstMessage(visitor)
    expect(await visitor.waitFor('queue.position')).toEqual({
      type: 'queue.position',
      conversationId,
      position: 1,
    })
    const olga = await h.newOperator('Olga')
    const socket = await h.operator(olga.cookie)
    const updated = await visitor.waitFor('conversation.updated', (f) => f.conversation.assigneeId !== null)
    expect(updated.conversation.assigneeId).toBe(olga.operator.id)
    await socket.waitFor('conversation.updated', (f) => f.conversation.assigneeId === olga.operator.id)
  })

  it('stores presence: online on connect, away on presence.set, offline when the last socket closes', async () => {
    const h = await startHarness({ routing: { speed: 1 } })
    harness = h
    const watcher = await h.newOperator('Watcher')
    const watch = await h.operator(watcher.cookie)
    await watch.waitFor('session.ready')
    const anna = await h.newOperator('Anna')
    const socket = await h.operator(anna.cookie)
    await watch.waitFor('presence.updated', (f) => f.operatorId === anna.operator.id && f.status === 'online')
    const stored = () => h.store.listOperatorPresence(h.workspaceId, [anna.operator.id])
    expect((await stored())[0]?.status).toBe('online')
    expect(await socket.request({ type: 'presence.set', status: 'away' })).toMatchObject({
      type: 'frame.ack',
    })
    expect((await stored())[0]?.status).toBe('away')
    socket.ws.close()
    await watch.waitFor(
      'presence.updated',
      (f) => f.operatorId === anna.operator.id && f.status === 'offline',
    )
    expect((await stored())[0]?.status).toBe('offline')
  })
})
