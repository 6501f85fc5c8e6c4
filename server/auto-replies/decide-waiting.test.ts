import { describe, expect, it } from 'vitest'
import { DEFAULT_TEXTS } from './auto-replies-schema.ts'
import { conversation, decide, kinds, MINUTE, settings, T0 } from './decide-auto-replies.fixture.ts'

const greeted = conversation({ sentAutoReplies: [{ kind: 'welcome', at: T0 }] })
const HOUR = 60 * MINUTE

describe('no-answer', () => {
  it('schedules a check N minutes after the first visitor message, and fires on the tick that reaches it', () => {
    expect(decide().nextCheckAt).toBe(T0 + 5 * MINUTE)
    const early = decide({ event: 'tick', now: T0 + 5 * MINUTE - 1, conversation: greeted })
    expect(early).toEqual({ replies: [], nextCheckAt: T0 + 5 * MINUTE })
    const due = decide({ event: 'tick', now: T0 + 5 * MINUTE, conversation: greeted })
    expect(due).toEqual({
      replies: [{ kind: 'no-answer', text: DEFAULT_TEXTS.noAnswer, offerCallback: false }],
      nextCheckAt: null,
    })
  })

  it('uses afterMinutes from the settings', () => {
    expect(decide({ settings: settings({ noAnswer: { afterMinutes: 12 } }) }).nextCheckAt).toBe(
      T0 + 12 * MINUTE,
    )
  })

  it('is sent only once per conversation', () => {
    const waited = conversation({ sentAutoReplies: [{ kind: 'no-answer', at: T0 + 5 * MINUTE }] })
    expect(decide({ event: 'tick', now: T0 + HOUR, conversation: waited })).toEqual({
      replies: [],
      nextCheckAt: null,
    })
  })

  it('is not needed once an operator has replied: no reply, no timer', () => {
    const answered = conversation({
      firstOperatorReplyAt: T0 + MINUTE,
      sentAutoReplies: [{ kind: 'welcome', at: T0 }],
    })
    expect(decide({ event: 'tick', now: T0 + HOUR, conversation: answered })).toEqual({
      replies: [],
      nextCheckAt: null,
    })
  })

  it('has no timer before the visitor has written anything', () => {
    const empty = conversation({ firstVisitorMessageAt: null, lastVisitorMessageAt: null })
    expect(decide({ event: 'tick', conversation: empty })).toEqual({ replies: [], nextCheckAt: null })
  })

  it('offer-callback sends the text with the callback form; keep-waiting sends nothing and needs no timer', () => {
    const offer = settings({ noAnswer: { action: 'offer-callback' } })
    const due = { event: 'tick' as const, now: T0 + 5 * MINUTE, conversation: greeted }
    expect(decide({ ...due, settings: offer }).replies).toEqual([
      { kind: 'no-answer', text: DEFAULT_TEXTS.noAnswer, offerCallback: true },
    ])
    expect(decide({ ...due, settings: settings({ noAnswer: { action: 'keep-waiting' } }) })).toEqual({
      replies: [],
      nextCheckAt: null,
    })
  })

  it('counts only open time: a message 2 minutes before closing waits until 5 minutes after the next opening', () => {
    const closing = T0 + 9 * HOUR
    const opening = closing + 15 * HOUR
    const lateMessage = conversation({
      firstVisitorMessageAt: closing - 2 * MINUTE,
      lastVisitorMessageAt: closing - 2 * MINUTE,
      sentAutoReplies: [{ kind: 'welcome', at: closing - 2 * MINUTE }],
    })
    const open = { conversation: lateMessage, lineOpen: true, lineSince: T0, lineUntil: closing }
    expect(decide({ ...open, event: 'tick', now: closing - MINUTE }).nextCheckAt).toBe(closing)
    const closed = { conversation: lateMessage, lineOpen: false, lineSince: closing, lineUntil: opening }
    expect(decide({ ...closed, event: 'tick', now: closing })).toEqual({
      replies: [],
      nextCheckAt: opening + 5 * MINUTE,
    })
    const reopened = {
      conversation: lateMessage,
      lineOpen: true,
      lineSince: opening,
      lineUntil: opening + 9 * HOUR,
    }
    expect(kinds(decide({ ...reopened, event: 'tick', now: opening + 4 * MINUTE }))).toEqual([])
    expect(kinds(decide({ ...reopened, event: 'tick', now: opening + 5 * MINUTE }))).toEqual(['no-answer'])
  })

  it('has no timer while closed with no known next opening', () => {
    expect(
      decide({ event: 'tick', lineOpen: false, lineSince: T0 - HOUR, lineUntil: null }).nextCheckAt,
    ).toBeNull()
  })

  it('is checked on a visitor message too, after the greeting, should a timer have been missed', () => {
    const now = T0 + 20 * MINUTE
    const again = conversation({ lastVisitorMessageAt: now, sentAutoReplies: [] })
    expect(kinds(decide({ now, conversation: again }))).toEqual(['welcome', 'no-answer'])
  })
})

describe('on-close', () => {
  it('thanks the visitor when the conversation is closed and cancels any pending timer', () => {
    expect(decide({ event: 'conversation-closed', now: T0 + MINUTE, conversation: greeted })).toEqual({
      replies: [{ kind: 'on-close', text: DEFAULT_TEXTS.onClose, offerCallback: false }],
      nextCheckAt: null,
    })
  })

  it('is not repeated for a closing with nothing new from the visitor, but is after a reopened conversation', () => {
    const thanked = conversation({ sentAutoReplies: [{ kind: 'on-close', at: T0 + MINUTE }] })
    expect(
      kinds(decide({ event: 'conversation-closed', now: T0 + 2 * MINUTE, conversation: thanked })),
    ).toEqual([])
    const reopened = { ...thanked, lastVisitorMessageAt: T0 + HOUR }
    expect(
      kinds(decide({ event: 'conversation-closed', now: T0 + 2 * HOUR, conversation: reopened })),
    ).toEqual(['on-close'])
  })

  it('is not sent when disabled, and never on other events', () => {
    const off = settings({ onClose: { enabled: false } })
    expect(kinds(decide({ event: 'conversation-closed', settings: off }))).toEqual([])
    expect(kinds(decide({ event: 'tick', now: T0 + MINUTE }))).not.toContain('on-close')
  })
})
