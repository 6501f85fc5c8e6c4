import { describe, expect, it } from 'vitest'
import { wireConversation, wireMessage } from '../realtime/test-doubles.ts'
import { chatReducer, initialChatState } from './messages-reducer.ts'
import { deliveryOf, hasGap, outbox, unreadCount } from './selectors.ts'
import type { ChatAction, ChatMessage, ChatState } from './types.ts'

const run = (actions: ChatAction[], from: ChatState = initialChatState): ChatState =>
  actions.reduce(chatReducer, from)

function pending(clientId: string, body = clientId): ChatMessage {
  return {
    clientId,
    id: null,
    seq: null,
    conversationId: null,
    authorKind: 'visitor',
    authorName: null,
    authorAvatarUrl: null,
    body,
    createdAt: 1,
    status: 'pending',
  }
}

const mine = (clientId: string, seq: number) =>
  wireMessage({ seq, clientId, authorKind: 'visitor', authorName: null, authorId: 'v1', body: clientId })

const view = (s: ChatState) => s.messages.map((m) => `${m.body}:${m.seq ?? '-'}:${m.status}`)

describe('chatReducer', () => {
  it('turns a pending message into a delivered one on ack, once', () => {
    const s = run([
      { type: 'queued', message: pending('a') },
      { type: 'transmitted', clientIds: ['a'] },
    ])
    expect(view(s)).toEqual(['a:-:sent'])
    const acked = run([{ type: 'acked', clientId: 'a', message: mine('a', 1) }], s)
    expect(view(acked)).toEqual(['a:1:delivered'])
    expect(acked.conversationId).toBe('c1')
    expect(acked.lastSeq).toBe(1)
  })

  it('shows a message once whichever of ack, message.created or a replay comes first', () => {
    const s = run([
      { type: 'queued', message: pending('a') },
      { type: 'received', message: mine('a', 1) },
      { type: 'acked', clientId: 'a', message: mine('a', 1) },
      { type: 'received', message: mine('a', 1) },
      { type: 'queued', message: pending('a') },
    ])
    expect(view(s)).toEqual(['a:1:delivered'])
  })

  it('dedupes stored messages by seq and keeps them ordered by seq', () => {
    const s = run(
      [3, 1, 1, 2, 3].map((seq) => ({ type: 'received', message: wireMessage({ seq }) }) as ChatAction),
    )
    expect(s.messages.map((m) => m.seq)).toEqual([1, 2, 3])
  })

  it('keeps unsent messages after the stored ones', () => {
    const s = run([
      { type: 'queued', message: pending('x') },
      { type: 'received', message: wireMessage({ seq: 1 }) },
      { type: 'queued', message: pending('y') },
      { type: 'received', message: wireMessage({ seq: 2 }) },
    ])
    expect(view(s)).toEqual(['message 1:1:delivered', 'message 2:2:delivered', 'x:-:pending', 'y:-:pending'])
    expect(outbox(s).map((m) => m.clientId)).toEqual(['x', 'y'])
  })

  it('tracks the highest contiguous seq and reports gaps', () => {
    let s = run([{ type: 'received', message: wireMessage({ seq: 1 }) }])
    expect([s.lastSeq, hasGap(s)]).toEqual([1, false])
    s = run([{ type: 'received', message: wireMessage({ seq: 3 }) }], s)
    expect([s.lastSeq, hasGap(s)]).toEqual([1, true])
    s = run([{ type: 'received', message: wireMessage({ seq: 2 }) }], s)
    expect([s.lastSeq, hasGap(s)]).toEqual([3, false])
  })

  it('puts messages that were on the wire back to pending when the socket drops', () => {
    const s = run([
      { type: 'queued', message: pending('a') },
      { type: 'queued', message: pending('b') },
      { type: 'transmitted', clientIds: ['a'] },
      { type: 'disconnected', connection: 'offline' },
    ])
    expect(view(s)).toEqual(['a:-:pending', 'b:-:pending'])
    expect(s.connection).toBe('offline')
  })

  it('marks failed and retried messages', () => {
    const failed = run([
      { type: 'queued', message: pending('a') },
      { type: 'failed', clientId: 'a' },
    ])
    expect(view(failed)).toEqual(['a:-:failed'])
    expect(outbox(failed)).toEqual([])
    expect(view(run([{ type: 'retry', clientId: 'a' }], failed))).toEqual(['a:-:pending'])
  })

  it('ignores another conversation while its own is open, follows a new one once it is closed', () => {
    const open = run([{ type: 'received', message: wireMessage({ seq: 1 }) }])
    expect(run([{ type: 'received', message: wireMessage({ seq: 1, conversationId: 'c2' }) }], open)).toBe(
      open,
    )
    const next = run(
      [
        { type: 'conversation.closed', conversationId: 'c1' },
        { type: 'queued', message: pending('later') },
        { type: 'received', message: wireMessage({ seq: 1, conversationId: 'c2', body: 'new' }) },
      ],
      open,
    )
    expect(next.conversationId).toBe('c2')
    expect(next.conversationStatus).toBe('open')
    expect(view(next)).toEqual(['new:1:delivered', 'later:-:pending'])
  })

  it('adopts the latest open conversation from session.ready and merges read positions', () => {
    const s = run([
      {
        type: 'session.ready',
        conversations: [
          wireConversation({ id: 'old', status: 'closed', updatedAt: 5 }),
          wireConversation({ id: 'c1', updatedAt: 3, visitorReadSeq: 2, operatorReadSeq: 4 }),
        ],
      },
    ])
    expect([s.conversationId, s.conversationStatus, s.readSeq, s.peerReadSeq]).toEqual(['c1', 'open', 2, 4])
    const again = run(
      [
        { type: 'read', seq: 7 },
        { type: 'session.ready', conversations: [wireConversation()] },
      ],
      s,
    )
    expect(again.readSeq).toBe(7)
  })

  it('counts unread operator messages and derives "read" from the operator position', () => {
    const s = run([
      { type: 'received', message: mine('a', 1) },
      { type: 'received', message: wireMessage({ seq: 2 }) },
      { type: 'received', message: wireMessage({ seq: 3 }) },
      { type: 'read', seq: 2 },
      { type: 'peer.read', seq: 1 },
    ])
    expect(unreadCount(s)).toBe(1)
    expect(deliveryOf(s.messages[0]!, s)).toBe('read')
    expect(run([{ type: 'read', seq: 1 }], s).readSeq).toBe(2)
  })

  it('restores persisted history without its in-flight marks and keeps a click that came first', () => {
    const persisted = run([
      { type: 'received', message: wireMessage({ seq: 1 }) },
      { type: 'queued', message: pending('a') },
      { type: 'transmitted', clientIds: ['a'] },
    ])
    const { connection: _c, typing: _t, ...slice } = persisted
    const s = run([
      { type: 'open', open: true },
      { type: 'restored', persisted: slice },
    ])
    expect(view(s)).toEqual(['message 1:1:delivered', 'a:-:pending'])
    expect(s.open).toBe(true)
  })

  it('starts over on visitor.reset but keeps what the visitor still wants sent', () => {
    const s = run([
      { type: 'visitor', visitor: { visitorId: 'v1', token: 't' } },
      { type: 'received', message: wireMessage({ seq: 1 }) },
      { type: 'queued', message: { ...pending('a'), conversationId: 'c1' } },
      { type: 'visitor.reset' },
    ])
    expect([s.visitor, s.conversationId, s.lastSeq]).toEqual([null, null, 0])
    expect(view(s)).toEqual(['a:-:pending'])
    expect(s.messages[0]?.conversationId).toBeNull()
  })
})
