import { describe, expect, it } from 'vitest'
import {
  applyMessage,
  applyRead,
  conversationsInTab,
  isNewWaitingConversation,
  mergeConversation,
  mergeConversations,
  tabOf,
  tabSummaries,
  unreadCount,
} from './inbox.ts'
import { wireConversation, wireMessage } from './test-fixtures.ts'

const me = 'op-me'

describe('inbox tabs', () => {
  it('puts open unassigned in Waiting, open mine in Mine, closed in Closed and colleagues’ chats nowhere', () => {
    expect(tabOf(wireConversation({ id: 'a' }), me)).toBe('waiting')
    expect(tabOf(wireConversation({ id: 'b', assigneeId: me }), me)).toBe('mine')
    expect(tabOf(wireConversation({ id: 'c', assigneeId: 'op-other' }), me)).toBeNull()
    expect(tabOf(wireConversation({ id: 'd', status: 'closed', assigneeId: me }), me)).toBe('closed')
  })

  it('lists Waiting as a queue, longest waiting first', () => {
    const state = mergeConversations({}, [
      wireConversation({ id: 'new', createdAt: 30, updatedAt: 90 }),
      wireConversation({ id: 'old', createdAt: 10, updatedAt: 10 }),
      wireConversation({ id: 'mid', createdAt: 20, updatedAt: 20 }),
      wireConversation({ id: 'mid-b', createdAt: 20, updatedAt: 20 }),
    ])
    expect(conversationsInTab(state, 'waiting', me).map((c) => c.id)).toEqual(['old', 'mid', 'mid-b', 'new'])
  })

  it('lists the other tabs newest first by last activity', () => {
    const state = mergeConversations({}, [
      wireConversation({ id: 'old', updatedAt: 10, assigneeId: me }),
      wireConversation({ id: 'new', updatedAt: 30, assigneeId: me }),
      wireConversation({
        id: 'mid',
        updatedAt: 5,
        assigneeId: me,
        lastMessage: wireMessage({ conversationId: 'mid', seq: 1, createdAt: 20 }),
      }),
      wireConversation({ id: 'waiting', updatedAt: 99 }),
    ])
    expect(conversationsInTab(state, 'mine', me).map((c) => c.id)).toEqual(['new', 'mid', 'old'])
    expect(conversationsInTab(state, 'waiting', me).map((c) => c.id)).toEqual(['waiting'])
  })

  it('counts conversations and unread messages per tab', () => {
    const state = mergeConversations({}, [
      wireConversation({ id: 'a', lastSeq: 3, operatorReadSeq: 1 }),
      wireConversation({ id: 'b', lastSeq: 1 }),
      wireConversation({ id: 'c', assigneeId: me, lastSeq: 5, operatorReadSeq: 5 }),
      wireConversation({ id: 'd', status: 'closed', lastSeq: 2, operatorReadSeq: 2 }),
    ])
    expect(tabSummaries(state, me, () => undefined)).toEqual({
      waiting: { conversations: 2, unread: 3 },
      mine: { conversations: 1, unread: 0 },
      closed: { conversations: 1, unread: 0 },
    })
  })
})

describe('unreadCount', () => {
  it('counts only visitor messages after the read mark when they are known', () => {
    const c = wireConversation({ id: 'c1', lastSeq: 5, operatorReadSeq: 1 })
    const known = [
      wireMessage({ seq: 2 }),
      wireMessage({ seq: 3, authorKind: 'operator' }),
      wireMessage({ seq: 4, authorKind: 'system' }),
      wireMessage({ seq: 5 }),
    ]
    expect(unreadCount(c, known)).toBe(2)
  })

  it('falls back to lastSeq − operatorReadSeq, minus a known operator last message', () => {
    expect(unreadCount(wireConversation({ id: 'c1', lastSeq: 4, operatorReadSeq: 1 }))).toBe(3)
    const last = wireMessage({ seq: 4, authorKind: 'operator' })
    expect(
      unreadCount(wireConversation({ id: 'c1', lastSeq: 4, operatorReadSeq: 1, lastMessage: last })),
    ).toBe(2)
  })

  it('is zero when everything is read', () => {
    expect(unreadCount(wireConversation({ id: 'c1', lastSeq: 4, operatorReadSeq: 4 }))).toBe(0)
  })
})

describe('live updates', () => {
  it('advances lastSeq and the preview on message.created, ignoring older or repeated messages', () => {
    const state = mergeConversations({}, [wireConversation({ id: 'c1', lastSeq: 1 })])
    const m2 = wireMessage({ seq: 2, body: 'second' })
    const after = applyMessage(state, m2)
    expect(after.c1?.lastSeq).toBe(2)
    expect(after.c1?.lastMessage?.body).toBe('second')
    expect(applyMessage(after, m2)).toBe(after)
    expect(applyMessage(after, wireMessage({ seq: 1 }))).toBe(after)
  })

  it('ignores messages of unknown conversations (the shell re-fetches the inbox)', () => {
    const state = mergeConversations({}, [])
    expect(applyMessage(state, wireMessage({ seq: 1, conversationId: 'nope' }))).toBe(state)
  })

  it('only moves read marks forward', () => {
    const state = mergeConversations({}, [wireConversation({ id: 'c1', lastSeq: 5, operatorReadSeq: 3 })])
    expect(applyRead(state, 'c1', 'operator', 2)).toBe(state)
    expect(applyRead(state, 'c1', 'operator', 5).c1?.operatorReadSeq).toBe(5)
    expect(applyRead(state, 'c1', 'visitor', 4).c1?.visitorReadSeq).toBe(4)
  })

  it('merges a stale HTTP copy without losing newer counters or status', () => {
    const live = wireConversation({
      id: 'c1',
      status: 'closed',
      updatedAt: 50,
      lastSeq: 7,
      operatorReadSeq: 6,
    })
    const stale = wireConversation({
      id: 'c1',
      status: 'open',
      updatedAt: 40,
      lastSeq: 5,
      operatorReadSeq: 2,
    })
    const merged = mergeConversation(live, stale)
    expect(merged).toMatchObject({ status: 'closed', lastSeq: 7, operatorReadSeq: 6 })
  })

  it('flags new and reopened waiting conversations only', () => {
    const open = wireConversation({ id: 'c1' })
    expect(isNewWaitingConversation(undefined, open)).toBe(true)
    expect(isNewWaitingConversation({ ...open, status: 'closed' }, open)).toBe(true)
    expect(isNewWaitingConversation(open, open)).toBe(false)
    expect(isNewWaitingConversation(undefined, { ...open, assigneeId: me })).toBe(false)
  })
})
