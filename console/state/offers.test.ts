import { describe, expect, it } from 'vitest'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import {
  type ConsoleAction,
  type ConsoleState,
  consoleReducer,
  incomingOffers,
  initialConsoleState,
  TAKEN_NOTICE,
} from './console-state.ts'
import { nextOfferExpiry, timeLeft } from './offers.ts'
import { wireConversation } from './test-fixtures.ts'

const me = 'op-me'
const frame = (f: ServerFrame, now = 0): ConsoleAction => ({ type: 'frame', frame: f, now })
const run = (actions: ConsoleAction[], from: ConsoleState = initialConsoleState) =>
  actions.reduce(consoleReducer, from)

// The server's clock runs 5 s ahead of the console's.
const LOCAL = 1_000_000
const SKEW = 5_000
const ready = run([
  frame(
    {
      type: 'session.ready',
      role: 'operator',
      subjectId: me,
      serverTime: LOCAL + SKEW,
      conversations: [wireConversation({ id: 'c1', visitorName: 'Dana' }), wireConversation({ id: 'c2' })],
    },
    LOCAL,
  ),
])

const offered = (conversationId: string, expiresAt: number | null, operatorId = me): ConsoleAction =>
  frame({ type: 'offer.created', conversationId, operatorId, expiresAt }, LOCAL)
const withdrawn = (conversationId: string, operatorId = me): ConsoleAction =>
  frame({ type: 'offer.withdrawn', conversationId, operatorId, reason: 'rerouted' }, LOCAL)
const ids = (state: ConsoleState) => incomingOffers(state).map((o) => o.conversationId)

describe('incoming offers', () => {
  it('keeps offers for me only, soonest deadline first, in the console’s clock', () => {
    const state = run(
      [offered('c1', null), offered('c2', LOCAL + SKEW + 30_000), offered('c9', LOCAL, 'op-other')],
      ready,
    )
    expect(ids(state)).toEqual(['c2', 'c1'])
    const [first, second] = incomingOffers(state)
    expect(first).toMatchObject({ expiresAt: LOCAL + 30_000, answering: false })
    expect(second?.conversation?.visitorName).toBe('Dana')
    expect(nextOfferExpiry(state.incoming)).toBe(LOCAL + 30_000)
  })

  it('shows an offer for a conversation the inbox has not loaded yet', () => {
    const state = run([offered('c-new', null)], ready)
    expect(incomingOffers(state)).toMatchObject([{ conversationId: 'c-new', conversation: null }])
  })

  it('drops an offer when it is withdrawn, but not when a colleague’s is', () => {
    const state = run([offered('c1', null), offered('c2', null)], ready)
    expect(ids(run([withdrawn('c1', 'op-other')], state))).toEqual(['c1', 'c2'])
    expect(ids(run([withdrawn('c1')], state))).toEqual(['c2'])
  })

  it('drops offers once they run out, except one being answered', () => {
    const state = run(
      [
        offered('c1', LOCAL + SKEW + 10_000),
        offered('c2', LOCAL + SKEW + 10_000),
        { type: 'offer.requested', clientId: 'k1', conversationId: 'c2', kind: 'accept' },
      ],
      ready,
    )
    expect(run([{ type: 'offers.expired', now: LOCAL + 9_999 }], state).incoming).toBe(state.incoming)
    const expired = run([{ type: 'offers.expired', now: LOCAL + 10_000 }], state)
    expect(incomingOffers(expired)).toMatchObject([{ conversationId: 'c2', answering: true }])
    expect(nextOfferExpiry(expired.incoming)).toBeNull()
  })

  it('drops the offer when the accept is acknowledged', () => {
    const state = run(
      [
        offered('c1', null),
        { type: 'offer.requested', clientId: 'k1', conversationId: 'c1', kind: 'accept' },
      ],
      ready,
    )
    expect(incomingOffers(state)[0]?.answering).toBe(true)
    const acked = run([frame({ type: 'frame.ack', ref: 'k1' })], state)
    expect(ids(acked)).toEqual([])
    expect(acked.incoming.requests).toEqual({})
  })

  it('hides the offer as soon as the conversation is assigned, whoever got it', () => {
    const state = run([offered('c1', null)], ready)
    const assigned = run(
      [
        frame({
          type: 'conversation.updated',
          conversation: wireConversation({ id: 'c1', assigneeId: 'op-other', updatedAt: 2e6 }),
        }),
      ],
      state,
    )
    expect(ids(assigned)).toEqual([])
  })

  it('drops the offer with a short notice when a colleague was faster', () => {
    const state = run(
      [
        offered('c1', null),
        { type: 'offer.requested', clientId: 'k1', conversationId: 'c1', kind: 'accept' },
      ],
      ready,
    )
    const taken = run(
      [frame({ type: 'frame.error', ref: 'k1', code: 'conversation_taken', message: 'Another operator…' })],
      state,
    )
    expect(ids(taken)).toEqual([])
    expect(taken.notice).toBe(TAKEN_NOTICE)
  })

  it('keeps the offer after a passing error so the operator can try again', () => {
    const state = run(
      [offered('c1', null), { type: 'offer.requested', clientId: 'k1', conversationId: 'c1', kind: 'skip' }],
      ready,
    )
    const limited = run(
      [frame({ type: 'frame.error', ref: 'k1', code: 'rate_limited', message: 'Slow down' })],
      state,
    )
    expect(incomingOffers(limited)).toMatchObject([{ conversationId: 'c1', answering: false }])
    expect(limited.notice).toBe('Slow down')
  })

  it('ignores answers to offers it does not have', () => {
    const state = run(
      [{ type: 'offer.requested', clientId: 'k1', conversationId: 'c1', kind: 'accept' }],
      ready,
    )
    expect(state.incoming).toBe(ready.incoming)
  })

  it('keeps offers across a reconnect (the server does not repeat open ones)', () => {
    const state = run([offered('c1', null)], ready)
    const again = run(
      [
        frame(
          { type: 'session.ready', role: 'operator', subjectId: me, serverTime: LOCAL, conversations: [] },
          LOCAL,
        ),
      ],
      state,
    )
    expect(ids(again)).toEqual(['c1'])
  })
})

describe('presence', () => {
  it('starts online and not chosen, and remembers a choice', () => {
    expect(initialConsoleState.presence).toEqual({ status: 'online', chosen: false })
    expect(run([{ type: 'presence.chosen', status: 'away' }]).presence).toEqual({
      status: 'away',
      chosen: true,
    })
  })
})

describe('timeLeft', () => {
  it('counts down in seconds, then minutes, never below zero', () => {
    expect(timeLeft(10_500, 0)).toBe('11 s')
    expect(timeLeft(0, 5_000)).toBe('0 s')
    expect(timeLeft(300_000, 0)).toBe('5 min')
  })
})
