import { describe, expect, it } from 'vitest'
import { route } from './route.ts'
import { assignments, ofType, operator, SECOND, settings, T0, waiting } from './test-kit.ts'

const evenly = (queue: string[], maxActiveChats = 5) => settings({ mode: 'evenly', queue, maxActiveChats })

describe('route: evenly', () => {
  it('assigns to the queue member with the fewest active chats', () => {
    const state = {
      operators: [
        operator('a', { activeChats: 3 }),
        operator('b', { activeChats: 1 }),
        operator('c', { activeChats: 2 }),
      ],
      waiting: [waiting('c1', T0)],
    }
    const result = route(state, evenly(['a', 'b', 'c']), T0)
    expect(result.decisions).toEqual([
      { type: 'assign', conversationId: 'c1', operatorId: 'b', reason: 'queue' },
    ])
    expect(result.nextWakeAt).toBeNull()
  })

  it('breaks a load tie by the longest since last assignment, never assigned first', () => {
    const state = {
      operators: [
        operator('a', { lastAssignedAt: T0 - 10 * SECOND }),
        operator('b', { lastAssignedAt: T0 - 99 * SECOND }),
        operator('c', { lastAssignedAt: null }),
      ],
      waiting: [waiting('c1', T0)],
    }
    expect(assignments(route(state, evenly(['a', 'b', 'c']), T0).decisions)).toEqual({ c1: 'c' })
    const noNever = { ...state, operators: state.operators.slice(0, 2) }
    expect(assignments(route(noNever, evenly(['a', 'b']), T0).decisions)).toEqual({ c1: 'b' })
  })

  it('breaks a full tie by queue order, not by the order of the operators list', () => {
    const state = { operators: [operator('a'), operator('b')], waiting: [waiting('c1', T0)] }
    expect(assignments(route(state, evenly(['b', 'a']), T0).decisions)).toEqual({ c1: 'b' })
  })

  it('counts the assignments made earlier in the same call', () => {
    const state = {
      operators: [operator('a'), operator('b')],
      waiting: [waiting('c3', T0 + 2), waiting('c1', T0), waiting('c2', T0 + 1)],
    }
    const result = route(state, evenly(['a', 'b'], 1), T0 + 5)
    expect(assignments(result.decisions)).toEqual({ c1: 'a', c2: 'b' })
    expect(ofType(result.decisions, 'wait')).toEqual([{ type: 'wait', conversationId: 'c3', position: 1 }])
    expect(result.nextWakeAt).toBeNull()
  })

  it('updates the last assignment within the call: a fresh assignee loses the next tie', () => {
    const state = {
      operators: [operator('a'), operator('b', { activeChats: 1 })],
      waiting: ['c1', 'c2', 'c3'].map((id, i) => waiting(id, T0 + i)),
    }
    // c1 → a (fewest); then a and b both hold 1, b was never assigned; then b holds 2.
    expect(assignments(route(state, evenly(['a', 'b']), T0 + 10).decisions)).toEqual({
      c1: 'a',
      c2: 'b',
      c3: 'a',
    })
  })

  it('serves the queue FIFO by enqueue time, ties by id', () => {
    const state = {
      operators: [operator('a')],
      waiting: [waiting('z', T0), waiting('m', T0 + 1), waiting('b', T0)],
    }
    const result = route(state, evenly(['a'], 1), T0 + 5)
    expect(assignments(result.decisions)).toEqual({ b: 'a' })
    expect(ofType(result.decisions, 'wait').map((d) => [d.conversationId, d.position])).toEqual([
      ['z', 1],
      ['m', 2],
    ])
  })

  it('never chooses an away, offline, silent or full operator, nor one outside the queue', () => {
    const now = T0 + 61 * SECOND
    const state = {
      operators: [
        operator('away', { presence: 'away', lastSeenAt: now }),
        operator('offline', { presence: 'offline', lastSeenAt: now }),
        operator('silent', { lastSeenAt: now - 60 * SECOND }),
        operator('full', { activeChats: 2, lastSeenAt: now }),
        operator('outsider', { lastSeenAt: now }),
      ],
      waiting: [waiting('c1', T0), waiting('c2', T0 + 1)],
    }
    const result = route(state, evenly(['away', 'offline', 'silent', 'full', 'ghost'], 2), now)
    expect(result.decisions).toEqual([
      { type: 'wait', conversationId: 'c1', position: 1 },
      { type: 'wait', conversationId: 'c2', position: 2 },
    ])
    expect(result.nextWakeAt).toBeNull()
  })

  it('treats maxActiveChats 0 as unlimited', () => {
    const state = { operators: [operator('a', { activeChats: 40 })], waiting: [waiting('c1', T0)] }
    expect(assignments(route(state, evenly(['a'], 0), T0).decisions)).toEqual({ c1: 'a' })
  })

  it('withdraws offers left over from another mode before assigning', () => {
    const state = {
      operators: [operator('a'), operator('b')],
      waiting: [waiting('c1', T0, { offers: [{ operatorId: 'a', offeredAt: T0 }] })],
    }
    expect(route(state, evenly(['a', 'b'], 1), T0 + 1).decisions).toEqual([
      { type: 'withdraw', conversationId: 'c1', operatorIds: ['a'], reason: 'rerouted' },
      { type: 'assign', conversationId: 'c1', operatorId: 'a', reason: 'queue' },
    ])
  })

  it('decides nothing for an empty queue', () => {
    expect(route({ operators: [operator('a')], waiting: [] }, evenly(['a']), T0)).toEqual({
      decisions: [],
      nextWakeAt: null,
    })
  })
})
