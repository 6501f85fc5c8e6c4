import { describe, expect, it } from 'vitest'
import { accept, skip } from './accept-skip.ts'
import { applyDecisions } from './apply-decisions.ts'
import { route } from './route.ts'
import { ofType, operator, SECOND, settings, T0, waiting } from './test-kit.ts'
import type { RoutingState } from './types.ts'

const everyone = (queue: string[], maxActiveChats = 5) =>
  settings({ mode: 'everyone', queue, maxActiveChats })
const offeredTo = (ids: string[], at = T0) => ids.map((operatorId) => ({ operatorId, offeredAt: at }))

describe('route: everyone', () => {
  it('offers to every available queue member at once, without expiry', () => {
    const state = {
      operators: [
        operator('a', { lastSeenAt: T0 + 20 * SECOND }),
        operator('b', { presence: 'away' }),
        operator('c', { lastSeenAt: T0 + 10 * SECOND }),
        operator('outsider'),
      ],
      waiting: [waiting('c1', T0)],
    }
    const result = route(state, everyone(['a', 'b', 'c']), T0 + 15 * SECOND)
    expect(result.decisions).toEqual([
      { type: 'offer', conversationId: 'c1', operatorIds: ['a', 'c'], expiresAt: null },
    ])
    // Only a heartbeat lapse can change it: c's comes first.
    expect(result.nextWakeAt).toBe(T0 + 70 * SECOND)
  })

  it('keeps standing offers however old, and adds an operator who came online', () => {
    const now = T0 + 3_600 * SECOND
    const state = {
      operators: [operator('a', { lastSeenAt: now }), operator('b', { lastSeenAt: now })],
      waiting: [waiting('c1', T0, { offers: offeredTo(['a']) })],
    }
    expect(route(state, everyone(['a', 'b']), now).decisions).toEqual([
      { type: 'offer', conversationId: 'c1', operatorIds: ['b'], expiresAt: null },
    ])
  })

  it('withdraws only the offer of an operator who went offline', () => {
    const state = {
      operators: [operator('a', { presence: 'offline' }), operator('b')],
      waiting: [waiting('c1', T0, { offers: offeredTo(['a', 'b']) })],
    }
    const result = route(state, everyone(['a', 'b']), T0 + SECOND)
    expect(result.decisions).toEqual([
      { type: 'withdraw', conversationId: 'c1', operatorIds: ['a'], reason: 'unavailable' },
    ])
    expect(result.nextWakeAt).toBe(T0 + 60 * SECOND)
  })

  it('lets offers reserve slots, and frees the losers’ slots once one operator accepts', () => {
    let state: RoutingState = {
      operators: [operator('a'), operator('b')],
      waiting: [waiting('c1', T0), waiting('c2', T0 + 1)],
    }
    const first = route(state, everyone(['a', 'b'], 1), T0 + 2)
    expect(first.decisions).toEqual([
      { type: 'offer', conversationId: 'c1', operatorIds: ['a', 'b'], expiresAt: null },
      { type: 'wait', conversationId: 'c2', position: 1 },
    ])
    state = applyDecisions(state, first.decisions, T0 + 2)
    const accepted = accept(state, 'c1', 'b')
    expect(accepted).toEqual([
      { type: 'assign', conversationId: 'c1', operatorId: 'b', reason: 'accepted' },
      { type: 'withdraw', conversationId: 'c1', operatorIds: ['a'], reason: 'taken' },
    ])
    state = applyDecisions(state, accepted, T0 + 3)
    expect(route(state, everyone(['a', 'b'], 1), T0 + 3).decisions).toEqual([
      { type: 'offer', conversationId: 'c2', operatorIds: ['a'], expiresAt: null },
    ])
  })

  it('rejects the second accept as taken', () => {
    const state = {
      operators: [operator('a'), operator('b')],
      waiting: [waiting('c1', T0, { offers: offeredTo(['a', 'b']) })],
    }
    const afterFirst = applyDecisions(state, accept(state, 'c1', 'a'), T0 + 1)
    expect(afterFirst.waiting).toEqual([])
    expect(afterFirst.operators.find((op) => op.id === 'a')).toMatchObject({
      activeChats: 1,
      lastAssignedAt: T0 + 1,
    })
    expect(accept(afterFirst, 'c1', 'b')).toEqual([
      { type: 'reject', conversationId: 'c1', operatorId: 'b', reason: 'taken' },
    ])
  })

  it('rejects an accept from an operator who holds no offer', () => {
    const state = {
      operators: [operator('a'), operator('c')],
      waiting: [waiting('c1', T0, { offers: offeredTo(['a']) })],
    }
    expect(accept(state, 'c1', 'c')).toEqual([
      { type: 'reject', conversationId: 'c1', operatorId: 'c', reason: 'not_offered' },
    ])
  })

  it('skip withdraws just that operator’s offer and never offers it to them again', () => {
    const state = {
      operators: [operator('a'), operator('b')],
      waiting: [waiting('c1', T0, { offers: offeredTo(['a', 'b']) })],
    }
    const result = skip(state, 'c1', 'a', T0 + SECOND, everyone(['a', 'b']))
    expect(result.decisions).toEqual([
      { type: 'withdraw', conversationId: 'c1', operatorIds: ['a'], reason: 'skipped' },
    ])
    expect(result.nextWakeAt).toBe(T0 + 60 * SECOND)
    const after = applyDecisions(state, result.decisions, T0 + SECOND)
    expect(after.waiting[0]).toMatchObject({ offers: offeredTo(['b']), skippedBy: ['a'] })
    expect(route(after, everyone(['a', 'b']), T0 + 2 * SECOND).decisions).toEqual([])
  })

  it('keeps a conversation every queue member skipped waiting, with its position', () => {
    const state = {
      operators: [operator('a'), operator('b')],
      waiting: [waiting('c1', T0, { offers: offeredTo(['a']), skippedBy: ['b'] })],
    }
    const result = skip(state, 'c1', 'a', T0 + SECOND, everyone(['a', 'b']))
    expect(ofType(result.decisions, 'wait')).toEqual([{ type: 'wait', conversationId: 'c1', position: 1 }])
    expect(result.nextWakeAt).toBeNull()
  })
})
