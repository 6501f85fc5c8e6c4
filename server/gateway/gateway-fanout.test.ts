import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channels } from '../bus/types.ts'
import { type Harness, startHarness, type TestClient } from './test-kit.ts'

describe('gateway: fan-out, typing, read receipts, presence', () => {
  let h: Harness

  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  async function conversationWith(visitor: TestClient): Promise<string> {
    const sent = await visitor.request({ type: 'message.send', body: 'Hello' })
    if (sent.type !== 'frame.ack' || !sent.message) throw new Error(`no ack: ${JSON.stringify(sent)}`)
    return sent.message.conversationId
  }

  it('relays typing and read receipts between visitor and operator', async () => {
    const { operator: ann, cookie } = await h.newOperator('Ann')
    const operator = await h.operator(cookie)
    const visitor = await h.visitor((await h.newVisitor()).token)
    await Promise.all([operator.waitFor('session.ready'), visitor.waitFor('session.ready')])
    const conversationId = await conversationWith(visitor)

    expect(await operator.request({ type: 'typing.update', conversationId, typing: true })).toMatchObject({
      type: 'frame.ack',
    })
    expect(await visitor.waitFor('typing.updated', (f) => f.authorKind === 'operator')).toEqual({
      type: 'typing.updated',
      conversationId,
      authorKind: 'operator',
      authorId: ann.id,
      authorName: 'Ann',
      typing: true,
    })

    await visitor.request({ type: 'typing.update', conversationId, typing: false })
    await operator.waitFor('typing.updated', (f) => f.authorKind === 'visitor' && !f.typing)

    expect(await operator.request({ type: 'message.read', conversationId, seq: 1 })).toMatchObject({
      type: 'frame.ack',
    })
    expect(await visitor.waitFor('read.updated')).toEqual({
      type: 'read.updated',
      conversationId,
      reader: 'operator',
      seq: 1,
    })
    await visitor.request({ type: 'message.read', conversationId, seq: 1 })
    await operator.waitFor('read.updated', (f) => f.reader === 'visitor' && f.seq === 1)
  })

  it('tells operators when a colleague comes online, sets away and goes offline', async () => {
    const ann = await h.operator((await h.newOperator('Ann')).cookie)
    await ann.waitFor('session.ready')
    const bob = await h.newOperator('Bob')
    const bobTab1 = await h.operator(bob.cookie)
    await ann.waitFor('presence.updated', (f) => f.operatorId === bob.operator.id && f.status === 'online')

    expect(await bobTab1.request({ type: 'presence.set', status: 'away' })).toMatchObject({
      type: 'frame.ack',
    })
    await ann.waitFor('presence.updated', (f) => f.operatorId === bob.operator.id && f.status === 'away')

    // A second tab does not announce Bob again; closing one of two tabs does not take him offline.
    const bobTab2 = await h.operator(bob.cookie)
    await bobTab2.waitFor('session.ready')
    bobTab1.ws.close()
    await bobTab1.closed
    bobTab2.ws.close()
    await ann.waitFor('presence.updated', (f) => f.operatorId === bob.operator.id && f.status === 'offline')
    const bobUpdates = ann.of('presence.updated').filter((f) => f.operatorId === bob.operator.id)
    expect(bobUpdates.map((f) => f.status)).toEqual(['online', 'away', 'offline'])
  })

  it('uses one bus subscription per channel however many local sockets listen', async () => {
    const operatorsChannel = channels.operators(h.workspaceId)
    const cookies = await Promise.all(['Ann', 'Bob', 'Cy'].map((name) => h.newOperator(name)))
    const tabs = await Promise.all([...cookies, cookies[0]!].map(({ cookie }) => h.operator(cookie)))
    await Promise.all(tabs.map((tab) => tab.waitFor('session.ready')))
    expect(h.hub.channels.get(operatorsChannel)?.size).toBe(1)

    const visitor = await h.visitor((await h.newVisitor()).token)
    await visitor.waitFor('session.ready')
    await conversationWith(visitor)
    await Promise.all(tabs.map((tab) => tab.waitFor('message.created')))

    for (const tab of tabs) {
      tab.ws.close()
      await tab.closed
    }
    visitor.ws.close()
    await visitor.closed
    await h.gateway.close()
    expect(h.hub.channels.size).toBe(0)
  })

  it('forwards bus frames only to the sockets of their channel', async () => {
    const alice = await h.newVisitor()
    const bob = await h.newVisitor()
    const aliceTab1 = await h.visitor(alice.token)
    const aliceTab2 = await h.visitor(alice.token)
    const bobTab = await h.visitor(bob.token)
    await Promise.all([aliceTab1, aliceTab2, bobTab].map((tab) => tab.waitFor('session.ready')))

    const frame = { type: 'read.updated', conversationId: 'c1', reader: 'operator', seq: 4 }
    await h.bus.publish(channels.visitor(h.workspaceId, alice.visitorId), frame)
    await h.bus.publish(channels.visitor(h.workspaceId, bob.visitorId), { ...frame, conversationId: 'c2' })
    expect(await aliceTab1.waitFor('read.updated')).toEqual(frame)
    expect(await aliceTab2.waitFor('read.updated')).toEqual(frame)
    expect((await bobTab.waitFor('read.updated')).conversationId).toBe('c2')
    expect(aliceTab1.of('read.updated')).toHaveLength(1)
  })
})
