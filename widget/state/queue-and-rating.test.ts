import { describe, expect, it } from 'vitest'
import { wireConversation, wireMessage } from '../realtime/test-doubles.ts'
import { chatReducer, initialChatState } from './messages-reducer.ts'
import { persistedOf } from './persist.ts'
import type { ChatAction, ChatState } from './types.ts'

const run = (actions: ChatAction[], from: ChatState = initialChatState): ChatState =>
  actions.reduce(chatReducer, from)

const waiting = run([{ type: 'conversation', conversation: wireConversation() }])
const place = (position: number, conversationId = 'c1'): ChatAction => ({
  type: 'queue.position',
  conversationId,
  position,
})

describe('queue position', () => {
  it('follows the position frames of the conversation on screen', () => {
    const s = run([place(3), place(2)], waiting)
    expect(s.queue).toEqual({ conversationId: 'c1', position: 2 })
    expect(run([place(2)], s)).toBe(s)
  })

  it('clears when an operator answers, but not for a system message or the visitor', () => {
    const s = run([place(1)], waiting)
    const system = wireMessage({ seq: 1, authorKind: 'system', authorId: null, authorName: null })
    const visitor = wireMessage({ seq: 2, authorKind: 'visitor', authorId: 'v1', authorName: null })
    expect(run([{ type: 'received', message: system }], s).queue?.position).toBe(1)
    expect(run([{ type: 'received', message: visitor }], s).queue?.position).toBe(1)
    expect(run([{ type: 'received', message: wireMessage({ seq: 3 }) }], s).queue).toBeNull()
  })

  it('clears when the conversation is assigned or closed', () => {
    const s = run([place(1)], waiting)
    const assigned = wireConversation({ assigneeId: 'op1' })
    expect(run([{ type: 'conversation', conversation: assigned }], s).queue).toBeNull()
    const closed = wireConversation({ status: 'closed' })
    expect(run([{ type: 'conversation', conversation: closed }], s).queue).toBeNull()
    expect(run([{ type: 'conversation.closed', conversationId: 'c1' }], s).queue).toBeNull()
    expect(run([{ type: 'conversation', conversation: wireConversation() }], s).queue?.position).toBe(1)
  })

  it('ignores another conversation while its own is open, keeps a new one across the switch', () => {
    expect(run([place(4, 'c2')], waiting).queue).toBeNull()
    const closed = run([{ type: 'conversation', conversation: wireConversation({ status: 'closed' }) }])
    // The visitor wrote again: the new conversation's place may arrive before its first message.
    const s = run([place(4, 'c2')], closed)
    expect(s.queue).toEqual({ conversationId: 'c2', position: 4 })
    const followed = run(
      [{ type: 'received', message: wireMessage({ seq: 1, conversationId: 'c2', authorKind: 'visitor' }) }],
      s,
    )
    expect(followed.conversationId).toBe('c2')
    expect(followed.queue?.position).toBe(4)
  })

  it('is neither persisted nor kept for a new visitor', () => {
    const s = run([place(2)], waiting)
    expect(persistedOf(s)).not.toHaveProperty('queue')
    expect(run([{ type: 'visitor.reset' }], s).queue).toBeNull()
  })
})

const closed = run([{ type: 'conversation', conversation: wireConversation({ status: 'closed' }) }])
const rate = (ref: string, value: 'like' | 'dislike', comment: string | null = null): ChatAction => ({
  type: 'rate',
  conversationId: 'c1',
  ref,
  value,
  comment,
})

describe('rating', () => {
  it('goes from sending to saved on its own ack only', () => {
    const s = run([rate('r1', 'like', 'Quick!')], closed)
    expect(s.rating).toEqual({ value: 'like', comment: 'Quick!', status: 'sending', ref: 'r1' })
    expect(run([{ type: 'rate.acked', ref: 'other' }], s)).toBe(s)
    expect(run([{ type: 'rate.acked', ref: 'r1' }], s).rating?.status).toBe('saved')
  })

  it('is failed when refused or when the socket drops before the ack, and can be sent again', () => {
    const s = run([rate('r1', 'dislike')], closed)
    const refused = run([{ type: 'rate.failed', ref: 'r1' }], s)
    expect(refused.rating?.status).toBe('failed')
    expect(run([{ type: 'disconnected', connection: 'connecting' }], s).rating?.status).toBe('failed')
    const again = run([rate('r2', 'like'), { type: 'rate.acked', ref: 'r2' }], refused)
    expect(again.rating).toEqual({ value: 'like', comment: null, status: 'saved', ref: 'r2' })
  })

  it('lets the visitor change a saved rating; a late answer to the old frame changes nothing', () => {
    const saved = run([rate('r1', 'like'), { type: 'rate.acked', ref: 'r1' }], closed)
    const changed = run([rate('r2', 'dislike', 'Too slow')], saved)
    expect(run([{ type: 'rate.failed', ref: 'r1' }], changed)).toBe(changed)
    expect(run([{ type: 'rate.acked', ref: 'r2' }], changed).rating?.value).toBe('dislike')
  })

  it('only rates the closed conversation on screen', () => {
    expect(run([rate('r1', 'like')], waiting).rating).toBeNull()
    expect(run([{ ...rate('r1', 'like'), conversationId: 'c9' } as ChatAction], closed).rating).toBeNull()
  })

  it("takes the server's stored rating unless the visitor's newer one is on its way", () => {
    const stored = wireConversation({
      status: 'closed',
      rating: { value: 'dislike', comment: 'Meh', ratedAt: 5 },
    })
    const fromServer = run([{ type: 'conversation', conversation: stored }], closed)
    expect(fromServer.rating).toEqual({ value: 'dislike', comment: 'Meh', status: 'saved', ref: null })
    const sending = run([rate('r1', 'like')], fromServer)
    expect(run([{ type: 'conversation', conversation: stored }], sending).rating?.status).toBe('sending')
  })

  it('starts empty for the next conversation and is not persisted', () => {
    const saved = run([rate('r1', 'like'), { type: 'rate.acked', ref: 'r1' }], closed)
    expect(persistedOf(saved)).not.toHaveProperty('rating')
    const next = run([{ type: 'conversation', conversation: wireConversation({ id: 'c2' }) }], saved)
    expect(next.conversationId).toBe('c2')
    expect(next.rating).toBeNull()
  })
})
