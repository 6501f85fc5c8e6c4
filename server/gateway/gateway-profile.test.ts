import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { publishOperatorProfile } from './operator-profile.ts'
import { type Harness, startHarness } from './test-kit.ts'

/** Issue 3 audit: a new name or avatar (PATCH /api/me) reaches the operator's sockets already open. */
describe('gateway: operator profile changes', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  it("replies carry the operator's new name and avatar without a reconnect; others keep theirs", async () => {
    const ann = await h.newOperator('Ann')
    const bob = await h.newOperator('Bob')
    const [annWs, bobWs] = [await h.operator(ann.cookie), await h.operator(bob.cookie)]
    const visitor = await h.visitor((await h.newVisitor()).token)
    await Promise.all([annWs, bobWs, visitor].map((c) => c.waitFor('session.ready')))
    const first = await visitor.request({ type: 'message.send', body: 'Hello' })
    if (first.type !== 'frame.ack' || !first.message) throw new Error('no conversation')
    const conversationId = first.message.conversationId
    const reply = async (ws: typeof annWs, body: string) => {
      const ack = await ws.request({ type: 'message.send', conversationId, body })
      if (ack.type !== 'frame.ack' || !ack.message) throw new Error(`not sent: ${JSON.stringify(ack)}`)
      return ack.message
    }
    expect(await reply(annWs, 'before')).toMatchObject({ authorName: 'Ann', authorAvatarUrl: null })

    const avatarUrl = 'https://cdn.example/ann.png'
    const renamed = await h.store.updateOperatorProfile(h.workspaceId, ann.operator.id, {
      name: 'Ann K.',
      avatarUrl,
    })
    await publishOperatorProfile(h.bus, renamed)
    // Junk on the channel is ignored, not applied.
    await h.bus.publish('ws:operators:profile', { operatorId: ann.operator.id, name: 42 })
    expect(await reply(annWs, 'after')).toMatchObject({ authorName: 'Ann K.', authorAvatarUrl: avatarUrl })
    await visitor.waitFor('message.created', (f) => f.message.body === 'after')
    expect(visitor.of('message.created').find((f) => f.message.body === 'after')?.message).toMatchObject({
      authorName: 'Ann K.',
      authorAvatarUrl: avatarUrl,
    })
    expect(await reply(bobWs, 'from bob')).toMatchObject({ authorName: 'Bob', authorAvatarUrl: null })
    // Messages written before keep the name they were sent with.
    const stored = await h.store.listMessages(h.workspaceId, conversationId)
    expect(stored.find((m) => m.body === 'before')?.authorName).toBe('Ann')
  })
})
