import { describe, expect, it } from 'vitest'
import { route } from './route.ts'
import { type RoutingSettingsInput, routingSettingsSchema } from './routing-settings-schema.ts'
import { operator, SECOND, T0, waiting } from './test-kit.ts'
import type { RoutingOperator } from './types.ts'

const line = (input: RoutingSettingsInput = {}) =>
  routingSettingsSchema.parse({ queue: ['a', 'b', 'own'], queueTimeSeconds: 30, ...input })
const WAIT_ENDS = T0 + 120 * SECOND

/** a and b are free; the returning visitor's own operator is in the state as given. */
function stateWith(own: RoutingOperator, now: number) {
  const fresh = (op: RoutingOperator) => (op.presence === 'online' ? { ...op, lastSeenAt: now } : op)
  return {
    operators: [operator('a'), operator('b'), own].map(fresh),
    waiting: [waiting('c1', T0, { preferredOperatorId: 'own' })],
  }
}

describe('route: returning client', () => {
  it('assigns straight to their own operator in evenly, even when busier than the others', () => {
    const result = route(stateWith(operator('own', { activeChats: 3 }), T0), line(), T0)
    expect(result).toEqual({
      decisions: [{ type: 'assign', conversationId: 'c1', operatorId: 'own', reason: 'returning-client' }],
      nextWakeAt: null,
    })
  })

  it('offers to their own operator alone in in-order', () => {
    const result = route(stateWith(operator('own'), T0), line({ mode: 'in-order' }), T0)
    expect(result).toEqual({
      decisions: [{ type: 'offer', conversationId: 'c1', operatorIds: ['own'], expiresAt: T0 + 30 * SECOND }],
      nextWakeAt: T0 + 30 * SECOND,
    })
  })

  it('waits for an away own operator until waitSeconds, then routes normally', () => {
    const away = operator('own', { presence: 'away' })
    const during = route(stateWith(away, T0 + 5 * SECOND), line(), T0 + 5 * SECOND)
    expect(during).toEqual({
      decisions: [{ type: 'wait', conversationId: 'c1', position: 1 }],
      nextWakeAt: WAIT_ENDS,
    })
    expect(route(stateWith(away, WAIT_ENDS - 1), line(), WAIT_ENDS - 1).nextWakeAt).toBe(WAIT_ENDS)
    expect(route(stateWith(away, WAIT_ENDS), line(), WAIT_ENDS).decisions).toEqual([
      { type: 'assign', conversationId: 'c1', operatorId: 'a', reason: 'queue' },
    ])
  })

  it('also waits while their own operator is offline or full', () => {
    for (const own of [operator('own', { presence: 'offline' }), operator('own', { activeChats: 5 })]) {
      expect(route(stateWith(own, T0), line(), T0).nextWakeAt).toBe(WAIT_ENDS)
    }
  })

  it('assigns to their own operator who comes back online before the wait ends', () => {
    const now = T0 + 90 * SECOND
    expect(route(stateWith(operator('own'), now), line(), now).decisions).toEqual([
      { type: 'assign', conversationId: 'c1', operatorId: 'own', reason: 'returning-client' },
    ])
  })

  it('routes normally at once when disabled, when waitSeconds is 0, or when the own operator left the queue', () => {
    const away = operator('own', { presence: 'away' })
    const fallbacks = [
      line({ returningClient: { enabled: false } }),
      line({ returningClient: { waitSeconds: 0 } }),
      line({ queue: ['a', 'b'] }),
    ]
    for (const settings of fallbacks) {
      expect(route(stateWith(away, T0), settings, T0).decisions).toEqual([
        { type: 'assign', conversationId: 'c1', operatorId: 'a', reason: 'queue' },
      ])
    }
    expect(route(stateWith(operator('own'), T0), line({ queue: ['a', 'b'] }), T0).decisions).toEqual([
      { type: 'assign', conversationId: 'c1', operatorId: 'a', reason: 'queue' },
    ])
  })

  it('passes to the queue once their own operator lets the offer expire, even within the wait', () => {
    const state = stateWith(operator('own'), T0 + 30 * SECOND)
    const offered = {
      ...state,
      waiting: [
        waiting('c1', T0, { preferredOperatorId: 'own', offers: [{ operatorId: 'own', offeredAt: T0 }] }),
      ],
    }
    expect(route(offered, line({ mode: 'in-order' }), T0 + 30 * SECOND).decisions).toEqual([
      { type: 'withdraw', conversationId: 'c1', operatorIds: ['own'], reason: 'expired' },
      { type: 'offer', conversationId: 'c1', operatorIds: ['a'], expiresAt: T0 + 60 * SECOND },
    ])
  })

  it('in everyone, offers to their own operator alone until the wait ends, then to everyone', () => {
    const first = route(stateWith(operator('own'), T0), line({ mode: 'everyone' }), T0)
    expect(first).toEqual({
      decisions: [{ type: 'offer', conversationId: 'c1', operatorIds: ['own'], expiresAt: null }],
      nextWakeAt: T0 + 60 * SECOND,
    })
    // Heard from at T0+70 s: the heartbeat lapse (T0+130 s) comes after the wait ends.
    const state = stateWith(operator('own'), T0 + 70 * SECOND)
    const offered = {
      ...state,
      waiting: [
        waiting('c1', T0, { preferredOperatorId: 'own', offers: [{ operatorId: 'own', offeredAt: T0 }] }),
      ],
    }
    expect(route(offered, line({ mode: 'everyone' }), T0 + 70 * SECOND)).toEqual({
      decisions: [],
      nextWakeAt: WAIT_ENDS,
    })
    const later = { ...offered, operators: stateWith(operator('own'), WAIT_ENDS).operators }
    expect(route(later, line({ mode: 'everyone' }), WAIT_ENDS).decisions).toEqual([
      { type: 'offer', conversationId: 'c1', operatorIds: ['a', 'b'], expiresAt: null },
    ])
  })
})
