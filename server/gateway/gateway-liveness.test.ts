import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { channels } from '../bus/types.ts'
import { CLOSE_CODES } from '../protocol/messages.ts'
import { type Harness, startHarness } from './test-kit.ts'

/** Yields to the event loop (I/O included) — not a sleep: nothing waits for time to pass. */
const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('gateway: heartbeat, backpressure, shutdown', () => {
  let h: Harness | undefined

  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('terminates a socket that does not answer pings and keeps one that does', async () => {
    // 150 ms: a shorter beat can drop the healthy socket too when the test process is busy for one.
    h = await startHarness({ heartbeatMs: 150 })
    const { token } = await h.newVisitor()
    const healthy = await h.visitor(token)
    const dead = await h.visitor(token, { autoPong: false })
    await Promise.all([healthy.waitFor('session.ready'), dead.waitFor('session.ready')])
    let pings = 0
    const threePings = new Promise<void>((resolve) => {
      healthy.ws.on('ping', () => {
        if (++pings === 3) resolve()
      })
    })

    const closed = await dead.closed
    expect(closed.code).toBe(1006)
    await threePings
    expect(healthy.ws.readyState).toBe(healthy.ws.OPEN)
    expect(h.gateway.connections()).toBe(1)
  })

  it('closes a reader that stopped reading with 4008 before its queue passes the cap', async () => {
    const cap = 64 * 1024
    h = await startHarness({ maxBufferedBytes: cap })
    const { token, visitorId } = await h.newVisitor()
    const reader = await h.visitor(token)
    await reader.waitFor('session.ready')
    ;(reader.ws as unknown as { _socket: Socket })._socket.pause()

    const channel = channels.visitor(h.workspaceId, visitorId)
    const payload = { type: 'typing.updated', conversationId: 'c', authorKind: 'operator', authorId: 'o' }
    const filler = 'x'.repeat(8 * 1024)
    const slow = () => h?.logs.find((entry) => entry.msg === 'closed slow consumer')
    // Kernel socket buffers absorb a few MB on loopback before the server's own queue grows.
    for (let i = 0; i < 20_000 && !slow(); i++) {
      await h.bus.publish(channel, { ...payload, authorName: filler })
      await turn()
    }
    const entry = slow()
    if (!entry) throw new Error('the server never closed the reader as a slow consumer')
    const { bufferedAmount, frameBytes } = entry.fields as { bufferedAmount: number; frameBytes: number }
    expect(bufferedAmount).toBeLessThanOrEqual(cap)
    expect(bufferedAmount + frameBytes).toBeGreaterThan(cap)

    ;(reader.ws as unknown as { _socket: Socket })._socket.resume()
    const closed = await reader.closed
    expect(closed).toEqual({ code: CLOSE_CODES.slowConsumer, reason: 'slow consumer' })
  })

  it('replays a long history to a reading client without cutting it off (paced, not queued)', async () => {
    // The client runs on the server's thread, so it cannot read while the server writes: without
    // pacing, a replay larger than the kernel's socket buffers would pile up in the server's queue
    // and trip the slow-consumer cap.
    const count = 3000
    h = await startHarness({ maxBufferedBytes: 16 * 1024 })
    const { token, visitorId } = await h.newVisitor()
    const client = await h.visitor(token)
    await client.waitFor('session.ready')
    const first = await client.request({ type: 'message.send', body: 'first' })
    const conversationId = (first.type === 'frame.ack' && first.message?.conversationId) || ''
    for (let i = 2; i <= count; i++) {
      await h.store.appendMessage({
        workspaceId: h.workspaceId,
        conversationId,
        clientId: `bulk-${i}`,
        authorKind: 'visitor',
        authorId: visitorId,
        authorName: null,
        body: `${i} ${'y'.repeat(3900)}`,
        now: Date.now(),
      })
    }
    const reply = await client.request({ type: 'conversation.sync', conversationId, afterSeq: 0 })
    expect(reply.type).toBe('frame.ack')
    const synced = await client.waitFor('conversation.synced')
    expect(synced.lastSeq).toBe(count)
    const end = client.frames.indexOf(synced)
    const replayed = client.frames.slice(end - count, end)
    expect(replayed.map((f) => f.type === 'message.created' && f.message.seq)).toEqual(
      Array.from({ length: count }, (_, i) => i + 1),
    )
    expect(h.logs.filter((entry) => entry.msg === 'closed slow consumer')).toEqual([])
  })

  it('close() closes every socket with 1001 and drops its bus subscriptions', async () => {
    h = await startHarness()
    const { token } = await h.newVisitor()
    const { cookie } = await h.newOperator('Ann')
    const visitor = await h.visitor(token)
    const operator = await h.operator(cookie)
    await Promise.all([visitor.waitFor('session.ready'), operator.waitFor('session.ready')])
    // Two client channels, plus the node's session-end and operator-profile channels.
    expect(h.hub.channels.size).toBe(4)

    await h.gateway.close()
    expect((await visitor.closed).code).toBe(CLOSE_CODES.goingAway)
    expect((await operator.closed).code).toBe(CLOSE_CODES.goingAway)
    expect(h.gateway.connections()).toBe(0)
    expect(h.hub.channels.size).toBe(0)
  })
})
