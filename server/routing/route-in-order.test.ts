import { describe, expect, it } from 'vitest'
import { skip } from './accept-skip.ts'
import { applyDecisions } from './apply-decisions.ts'
import { route } from './route.ts'
import { ofType, operator, SECOND, settings, T0, waiting } from './test-kit.ts'
import type { RoutingState } from './types.ts'

const inOrder = (queue: string[], maxActiveChats = 5) =>
  settings({ mode: 'in-order', queue, queueTimeSeconds: 30, maxActiveChats })

/** Operators heard from at `now`, so their heartbeat lapses 60 s later (after a 30 s offer). */
const seen = (state: RoutingState, now: number): RoutingState => ({
  ...state,
  operators: state.operators.map((op) => (op.presence === 'online' ? { ...op, lastSeenAt: now } : op)),
})

/** Runs a pass at `now` and applies it; returns the ids offered in it. */
function step(state: RoutingState, queue: string[], now: number) {
  const result = route(seen(state, now), inOrder(queue), now)
  const offered = ofType(result.decisions, 'offer').flatMap((d) => d.operatorIds)
  return { state: applyDecisions(seen(state, now), result.decisions, now), offered, result }
}

describe('route: in-order', () => {
  it('offers to the first available operator in queue order, until queueTimeSeconds', () => {
    const state = {
      operators: [operator('a', { presence: 'away' }), operator('b'), operator('c')],
      waiting: [waiting('c1', T0)],
    }
    const result = route(state, inOrder(['a', 'b', 'c']), T0)
    expect(result.decisions).toEqual([
      { type: 'offer', conversationId: 'c1', operatorIds: ['b'], expiresAt: T0 + 30 * SECOND },
    ])
    expect(result.nextWakeAt).toBe(T0 + 30 * SECOND)
  })

  it('lets an open offer reserve a slot within the call', () => {
    const state = {
      operators: [operator('a'), operator('b')],
      waiting: ['c1', 'c2', 'c3'].map((id) => waiting(id, T0)),
    }
    const result = route(state, inOrder(['a', 'b'], 1), T0)
    expect(ofType(result.decisions, 'offer').map((d) => [d.conversationId, d.operatorIds])).toEqual([
      ['c1', ['a']],
      ['c2', ['b']],
    ])
    expect(ofType(result.decisions, 'wait')).toEqual([{ type: 'wait', conversationId: 'c3', position: 1 }])
  })

  it('keeps a standing offer and wakes at its expiry or at the holder’s heartbeat lapse, whichever is first', () => {
    const offers = [{ operatorId: 'a', offeredAt: T0 }]
    const state = {
      operators: [operator('a', { lastSeenAt: T0 + 10 * SECOND })],
      waiting: [waiting('c1', T0, { offers })],
    }
    expect(route(state, inOrder(['a']), T0 + 5 * SECOND)).toEqual({
      decisions: [],
      nextWakeAt: T0 + 30 * SECOND,
    })
    const fading = { ...state, operators: [operator('a', { lastSeenAt: T0 - 50 * SECOND })] }
    expect(route(fading, inOrder(['a']), T0 + 5 * SECOND).nextWakeAt).toBe(T0 + 10 * SECOND)
  })

  it('withdraws an expired offer and offers to the next operator', () => {
    const state = seen(
      {
        operators: [operator('a'), operator('b')],
        waiting: [waiting('c1', T0, { offers: [{ operatorId: 'a', offeredAt: T0 }] })],
      },
      T0 + 30 * SECOND,
    )
    expect(route(state, inOrder(['a', 'b']), T0 + 30 * SECOND - 1).decisions).toEqual([])
    const result = route(state, inOrder(['a', 'b']), T0 + 30 * SECOND)
    expect(result.decisions).toEqual([
      { type: 'withdraw', conversationId: 'c1', operatorIds: ['a'], reason: 'expired' },
      { type: 'offer', conversationId: 'c1', operatorIds: ['b'], expiresAt: T0 + 60 * SECOND },
    ])
    expect(result.nextWakeAt).toBe(T0 + 60 * SECOND)
  })

  it('wraps around: an operator whose offer expired comes round again only after everyone else', () => {
    let state: RoutingState = {
      operators: [operator('a'), operator('b'), operator('c')],
      waiting: [waiting('c1', T0)],
    }
    const order: string[] = []
    for (let i = 0; i < 5; i++) {
      const next = step(state, ['a', 'b', 'c'], T0 + i * 30 * SECOND)
      order.push(...next.offered)
      state = next.state
    }
    expect(order).toEqual(['a', 'b', 'c', 'a', 'b'])
  })

  it('offers to an operator who came online before one whose offer already expired', () => {
    let state: RoutingState = {
      operators: [operator('a'), operator('b', { presence: 'offline' }), operator('c')],
      waiting: [waiting('c1', T0)],
    }
    const order: string[] = []
    for (let i = 0; i < 3; i++) {
      if (i === 2)
        state = { ...state, operators: state.operators.map((op) => ({ ...op, presence: 'online' })) }
      const next = step(state, ['a', 'b', 'c'], T0 + i * 30 * SECOND)
      order.push(...next.offered)
      state = next.state
    }
    expect(order).toEqual(['a', 'c', 'b'])
  })

  it('withdraws the offer of an operator who went away and passes it on', () => {
    const offers = [{ operatorId: 'a', offeredAt: T0 }]
    const state = {
      operators: [operator('a', { presence: 'away' }), operator('b')],
      waiting: [waiting('c1', T0, { offers })],
    }
    expect(route(state, inOrder(['a', 'b']), T0 + SECOND).decisions).toEqual([
      { type: 'withdraw', conversationId: 'c1', operatorIds: ['a'], reason: 'unavailable' },
      { type: 'offer', conversationId: 'c1', operatorIds: ['b'], expiresAt: T0 + 31 * SECOND },
    ])
  })

  it('withdraws the offer of an operator removed from the queue', () => {
    const offers = [{ operatorId: 'a', offeredAt: T0 }]
    const state = { operators: [operator('a'), operator('b')], waiting: [waiting('c1', T0, { offers })] }
    expect(ofType(route(state, inOrder(['b']), T0 + SECOND).decisions, 'withdraw')[0]?.reason).toBe(
      'rerouted',
    )
  })
})

describe('skip: in-order', () => {
  const offered = (id: string, operatorId: string) =>
    waiting(id, T0, { offers: [{ operatorId, offeredAt: T0 }] })

  it('passes the offer to the next operator and never offers it to the skipper again', () => {
    let state: RoutingState = { operators: [operator('a'), operator('b')], waiting: [offered('c1', 'a')] }
    const skipped = skip(state, 'c1', 'a', T0 + SECOND, inOrder(['a', 'b']))
    expect(skipped.decisions).toEqual([
      { type: 'withdraw', conversationId: 'c1', operatorIds: ['a'], reason: 'skipped' },
      { type: 'offer', conversationId: 'c1', operatorIds: ['b'], expiresAt: T0 + 31 * SECOND },
    ])
    expect(skipped.nextWakeAt).toBe(T0 + 31 * SECOND)
    state = applyDecisions(state, skipped.decisions, T0 + SECOND)
    // b lets it expire: it wraps round to b again, never to a.
    expect(step(state, ['a', 'b'], T0 + 31 * SECOND).offered).toEqual(['b'])
    const allSkipped = skip(state, 'c1', 'b', T0 + 2 * SECOND, inOrder(['a', 'b']))
    expect(allSkipped.decisions.slice(1)).toEqual([{ type: 'wait', conversationId: 'c1', position: 1 }])
    expect(allSkipped.nextWakeAt).toBeNull()
  })

  it('gives the slot the skip freed to the next waiting conversation', () => {
    const state = {
      operators: [operator('a'), operator('b', { activeChats: 1 })],
      waiting: [offered('c1', 'a'), waiting('c2', T0 + 1)],
    }
    const result = skip(
      state,
      'c1',
      'a',
      T0 + SECOND,
      settings({ mode: 'in-order', queue: ['a', 'b'], maxActiveChats: 1 }),
    )
    expect(result.decisions).toEqual([
      { type: 'withdraw', conversationId: 'c1', operatorIds: ['a'], reason: 'skipped' },
      { type: 'offer', conversationId: 'c2', operatorIds: ['a'], expiresAt: T0 + 61 * SECOND },
      { type: 'wait', conversationId: 'c1', position: 1 },
    ])
  })

  it('rejects a skip without an offer, or of a conversation that left the queue', () => {
    const state = { operators: [operator('a'), operator('b')], waiting: [offered('c1', 'a')] }
    expect(skip(state, 'c1', 'b', T0, inOrder(['a', 'b'])).decisions[0]).toEqual({
      type: 'reject',
      conversationId: 'c1',
      operatorId: 'b',
      reason: 'not_offered',
    })
    expect(skip(state, 'gone', 'a', T0, inOrder(['a', 'b'])).decisions[0]).toMatchObject({ reason: 'taken' })
  })
})
