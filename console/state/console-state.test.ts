import { describe, expect, it } from 'vitest'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import {
  type ConsoleAction,
  type ConsoleState,
  consoleReducer,
  initialConsoleState,
  isVisitorTyping,
  outboxFor,
  TYPING_TTL_MS,
  threadOf,
} from './console-state.ts'
import { displayMessages } from './display-messages.ts'
import { wireConversation, wireMessage } from './test-fixtures.ts'

const frame = (f: ServerFrame, now = 0): ConsoleAction => ({ type: 'frame', frame: f, now })
const run = (actions: ConsoleAction[], from: ConsoleState = initialConsoleState) =>
  actions.reduce(consoleReducer, from)

const loaded = run([
  {
    type: 'conversation.loaded',
    conversation: wireConversation({ id: 'c1', lastSeq: 2 }),
    messages: [wireMessage({ seq: 1 }), wireMessage({ seq: 2 })],
  },
])

describe('sending: pending until frame.ack', () => {
  const queued = run(
    [{ type: 'outbox.queued', entry: { clientId: 'k1', conversationId: 'c1', body: 'Hello', createdAt: 5 } }],
    loaded,
  )

  it('shows a queued reply as pending', () => {
    const shown = displayMessages(threadOf(queued, 'c1').messages, outboxFor(queued, 'c1'), {
      ownKind: 'operator',
      ownName: 'Ann',
      readByOtherSeq: 0,
    })
    expect(shown.map((m) => [m.body, m.status])).toEqual([
      ['message 1', 'delivered'],
      ['message 2', 'delivered'],
      ['Hello', 'pending'],
    ])
  })

  it('turns it into a stored message on ack, exactly once even when message.created also arrives', () => {
    const stored = wireMessage({ seq: 3, clientId: 'k1', authorKind: 'operator', body: 'Hello' })
    const acked = run(
      [
        frame({ type: 'frame.ack', ref: 'k1', message: stored }),
        frame({ type: 'message.created', message: stored }),
      ],
      queued,
    )
    expect(acked.outbox).toEqual([])
    expect(threadOf(acked, 'c1').messages.map((m) => m.seq)).toEqual([1, 2, 3])
    expect(acked.conversations.c1?.lastSeq).toBe(3)
  })

  it('marks it failed on frame.error and pending again on retry', () => {
    const failed = run(
      [frame({ type: 'frame.error', ref: 'k1', code: 'conversation_closed', message: 'closed' })],
      queued,
    )
    expect(failed.outbox[0]).toMatchObject({ status: 'failed', error: 'closed' })
    expect(failed.notice).toBeNull()
    expect(run([{ type: 'outbox.retry', clientId: 'k1' }], failed).outbox[0]?.status).toBe('pending')
  })

  it('reports errors for other frames as a notice', () => {
    const state = run(
      [frame({ type: 'frame.error', ref: 'other', code: 'forbidden', message: 'nope' })],
      loaded,
    )
    expect(state.notice).toBe('nope')
  })
})

describe('frames', () => {
  it('dedupes replayed messages after a reconnect', () => {
    const again = run(
      [
        frame({ type: 'message.created', message: wireMessage({ seq: 2 }) }),
        frame({ type: 'message.created', message: wireMessage({ seq: 3 }) }),
        frame({ type: 'message.created', message: wireMessage({ seq: 3 }) }),
      ],
      loaded,
    )
    expect(threadOf(again, 'c1').messages.map((m) => m.seq)).toEqual([1, 2, 3])
    expect(threadOf(again, 'c1').contiguousSeq).toBe(3)
  })

  it('shows visitor typing until false, a visitor message, or the TTL', () => {
    const typing = run(
      [
        frame(
          {
            type: 'typing.updated',
            conversationId: 'c1',
            authorKind: 'visitor',
            authorId: 'v',
            authorName: null,
            typing: true,
          },
          100,
        ),
      ],
      loaded,
    )
    expect(isVisitorTyping(typing, 'c1', 100)).toBe(true)
    expect(isVisitorTyping(typing, 'c1', 100 + TYPING_TTL_MS)).toBe(false)
    const wrote = run([frame({ type: 'message.created', message: wireMessage({ seq: 3 }) })], typing)
    expect(isVisitorTyping(wrote, 'c1', 100)).toBe(false)
  })

  it('ignores operators typing (our own echo)', () => {
    const state = run(
      [
        frame({
          type: 'typing.updated',
          conversationId: 'c1',
          authorKind: 'operator',
          authorId: 'o',
          authorName: 'A',
          typing: true,
        }),
      ],
      loaded,
    )
    expect(state).toBe(loaded)
  })

  it('applies conversation.updated and read.updated', () => {
    const state = run(
      [
        frame({
          type: 'conversation.updated',
          conversation: wireConversation({ id: 'c1', status: 'closed', updatedAt: 2e6, lastSeq: 2 }),
        }),
        frame({ type: 'read.updated', conversationId: 'c1', reader: 'operator', seq: 2 }),
      ],
      loaded,
    )
    expect(state.conversations.c1).toMatchObject({ status: 'closed', operatorReadSeq: 2 })
  })

  it('seeds the inbox from session.ready', () => {
    const state = run([
      frame({
        type: 'session.ready',
        role: 'operator',
        subjectId: 'o',
        serverTime: 0,
        conversations: [wireConversation({ id: 'x' })],
      }),
    ])
    expect(Object.keys(state.conversations)).toEqual(['x'])
  })
})
