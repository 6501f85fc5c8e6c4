/**
 * Issue "Open lines": an operator's socket does not outlive their session. Expiry is found on the
 * heartbeat tick (250 ms here); a sign-out anywhere reaches every node through the bus.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { newCsrfToken, newSessionToken, SESSION_COOKIE, sessionIdFromToken } from '../auth/index.ts'
import { CLOSE_CODES } from '../protocol/messages.ts'
import { publishSessionEnded, SESSION_END_REASONS } from './session-end.ts'
import { type Harness, startHarness } from './test-kit.ts'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

/** A session of `operatorId` that expires `ttlMs` from now. */
async function session(harness: Harness, operatorId: string, ttlMs: number) {
  const token = newSessionToken()
  const id = sessionIdFromToken(token)
  await harness.store.createSession({
    id,
    operatorId,
    workspaceId: harness.workspaceId,
    csrfToken: newCsrfToken(),
    createdAt: harness.clock.now(),
    expiresAt: harness.clock.now() + ttlMs,
  })
  return { id, cookie: `${SESSION_COOKIE}=${token}` }
}

describe('gateway: operator sessions end their sockets', () => {
  it('closes the sockets of a signed-out session with 4001, and only those', async () => {
    h = await startHarness()
    const { operator } = await h.newOperator('Ann')
    const laptop = await session(h, operator.id, 3_600_000)
    const phone = await session(h, operator.id, 3_600_000)
    const [a, b, c] = await Promise.all([
      h.operator(laptop.cookie),
      h.operator(laptop.cookie),
      h.operator(phone.cookie),
    ])
    await Promise.all([a!.waitFor('session.ready'), b!.waitFor('session.ready'), c!.waitFor('session.ready')])

    await publishSessionEnded(h.bus, laptop.id)
    expect(await a!.closed).toEqual({ code: CLOSE_CODES.unauthorized, reason: SESSION_END_REASONS.signedOut })
    expect(await b!.closed).toEqual({ code: CLOSE_CODES.unauthorized, reason: SESSION_END_REASONS.signedOut })
    // The other session's socket still works.
    expect(await c!.request({ type: 'presence.set', status: 'away' })).toMatchObject({ type: 'frame.ack' })
  })

  it('closes a socket whose session expired, on the next heartbeat', async () => {
    // A beat of 250 ms, not less: a test process busy for one beat would miss its pong and be
    // dropped as dead (1006) before its session's expiry is found (seen on a loaded CI machine).
    h = await startHarness({ heartbeatMs: 250 })
    const { operator } = await h.newOperator('Ann')
    const short = await session(h, operator.id, 600)
    const long = await session(h, operator.id, 3_600_000)
    const expiring = await h.operator(short.cookie)
    const staying = await h.operator(long.cookie)
    await Promise.all([expiring.waitFor('session.ready'), staying.waitFor('session.ready')])

    expect(await expiring.closed).toEqual({
      code: CLOSE_CODES.unauthorized,
      reason: SESSION_END_REASONS.expired,
    })
    expect(await staying.request({ type: 'presence.set', status: 'away' })).toMatchObject({
      type: 'frame.ack',
    })
  })
})
