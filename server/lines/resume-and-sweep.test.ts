/**
 * Issue "Open lines" over real sockets (real gateway, SQLite, memory bus): what a socket is told
 * again after (re)connecting, and the start-up sweep that routes queues no event will move.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '../gateway/test-kit.ts'
import { createLineRouter } from './line-router.ts'

let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

async function firstMessage(h: Harness, token: string): Promise<string> {
  const visitor = await h.visitor(token)
  await visitor.waitFor('session.ready')
  const ack = await visitor.request({ type: 'message.send', body: 'Hello?' })
  if (ack.type !== 'frame.ack' || !ack.message) throw new Error(`not acked: ${JSON.stringify(ack)}`)
  return ack.message.conversationId
}

describe('after session.ready', () => {
  it("an operator's new socket gets their open offers again", async () => {
    const h = await startHarness({ routing: { speed: 1 } })
    harness = h
    const anna = await h.newOperator('Anna')
    const line = await h.createLine({ mode: 'everyone', queue: [anna.operator.id] })
    const widget = await h.createWidget([], line.id)
    const firstTab = await h.operator(anna.cookie)
    await firstTab.waitFor('session.ready')
    await h.router?.idle()
    const conversationId = await firstMessage(h, (await h.newVisitor(widget)).token)
    const offer = await firstTab.waitFor('offer.created', (f) => f.conversationId === conversationId)

    // A second tab (or a reconnect while another tab keeps her online): no presence change, no
    // routing pass, so nothing is published again — the gateway resends what is open.
    const secondTab = await h.operator(anna.cookie)
    const ready = await secondTab.waitFor('session.ready')
    const resent = await secondTab.waitFor('offer.created')
    expect(resent).toEqual(offer)
    expect(secondTab.frames.indexOf(resent)).toBeGreaterThan(secondTab.frames.indexOf(ready))
  })

  it('resends no offer that was taken in the meantime', async () => {
    const h = await startHarness({ routing: { speed: 1 } })
    harness = h
    const anna = await h.newOperator('Anna')
    const boris = await h.newOperator('Boris')
    const line = await h.createLine({ mode: 'everyone', queue: [anna.operator.id, boris.operator.id] })
    const widget = await h.createWidget([], line.id)
    const annaWs = await h.operator(anna.cookie)
    const borisWs = await h.operator(boris.cookie)
    await Promise.all([annaWs.waitFor('session.ready'), borisWs.waitFor('session.ready')])
    await h.router?.idle()
    const conversationId = await firstMessage(h, (await h.newVisitor(widget)).token)
    await annaWs.waitFor('offer.created', (f) => f.conversationId === conversationId)
    await borisWs.waitFor('offer.created', (f) => f.conversationId === conversationId)
    expect(await borisWs.request({ type: 'conversation.accept', conversationId })).toMatchObject({
      type: 'frame.ack',
    })
    await annaWs.waitFor('offer.withdrawn', (f) => f.conversationId === conversationId)

    const again = await h.operator(anna.cookie)
    await again.waitFor('session.ready')
    // Anything the gateway sends at once follows session.ready; a message round trip flushes it.
    await again.request({ type: 'presence.set', status: 'online' })
    expect(again.of('offer.created')).toEqual([])
  })

  it("a visitor's new socket gets their queue position again", async () => {
    const h = await startHarness({ routing: { speed: 1 } })
    harness = h
    const offline = await h.newOperator('Offline')
    const line = await h.createLine({ mode: 'evenly', queue: [offline.operator.id] })
    const widget = await h.createWidget([], line.id)
    const { token } = await h.newVisitor(widget)
    const visitor = await h.visitor(token)
    await visitor.waitFor('session.ready')
    const ack = await visitor.request({ type: 'message.send', body: 'Anyone?' })
    if (ack.type !== 'frame.ack' || !ack.message) throw new Error('not acked')
    const conversationId = ack.message.conversationId
    expect(await visitor.waitFor('queue.position')).toEqual({
      type: 'queue.position',
      conversationId,
      position: 1,
    })
    visitor.ws.close()
    await visitor.closed

    const back = await h.visitor(token)
    await back.waitFor('session.ready')
    expect(await back.waitFor('queue.position')).toEqual({
      type: 'queue.position',
      conversationId,
      position: 1,
    })
  })
})

describe('start-up sweep', () => {
  it('a node starting with waiting conversations routes them with no event', async () => {
    // No router in this harness: the conversation waits as it would after a crash of its node.
    const h = await startHarness()
    harness = h
    const anna = await h.newOperator('Anna')
    const line = await h.createLine({ mode: 'evenly', queue: [anna.operator.id] })
    const widget = await h.createWidget([], line.id)
    const annaWs = await h.operator(anna.cookie)
    await annaWs.waitFor('session.ready')
    const conversationId = await firstMessage(h, (await h.newVisitor(widget)).token)
    expect((await h.store.getConversation(h.workspaceId, conversationId))?.assigneeId).toBeNull()

    const restarted = createLineRouter({ store: h.store, bus: h.bus, clock: h.clock, log: () => {} })
    try {
      await restarted.sweep()
      const assigned = await annaWs.waitFor(
        'conversation.updated',
        (f) => f.conversation.id === conversationId && f.conversation.assigneeId !== null,
      )
      expect(assigned.conversation.assigneeId).toBe(anna.operator.id)
    } finally {
      await restarted.close()
    }
  })
})
