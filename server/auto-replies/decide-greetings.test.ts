import { describe, expect, it } from 'vitest'
import { DEFAULT_TEXTS } from './auto-replies-schema.ts'
import { conversation, decide, kinds, MINUTE, settings, T0 } from './decide-auto-replies.fixture.ts'

const welcomeSent = { kind: 'welcome' as const, at: T0 }

describe('welcome', () => {
  it('answers the first visitor message while open with the welcome template', () => {
    expect(decide().replies).toEqual([{ kind: 'welcome', text: DEFAULT_TEXTS.welcome, offerCallback: false }])
  })

  it('is not sent twice in a conversation (first-message)', () => {
    const later = conversation({ lastVisitorMessageAt: T0 + MINUTE, sentAutoReplies: [welcomeSent] })
    expect(kinds(decide({ now: T0 + MINUTE, conversation: later }))).toEqual([])
  })

  it('each-session greets again in a new session, once; first-message does not', () => {
    const newSession = conversation({
      firstOperatorReplyAt: T0 + 2 * MINUTE,
      lastOperatorReplyAt: T0 + 5 * MINUTE,
      sessionStartedAt: T0 + 60 * MINUTE,
      sentAutoReplies: [welcomeSent],
    })
    const eachSession = settings({ welcome: { when: 'each-session' } })
    const now = T0 + 61 * MINUTE
    expect(kinds(decide({ now, conversation: newSession, settings: eachSession }))).toEqual(['welcome'])
    expect(kinds(decide({ now, conversation: newSession }))).toEqual([])
    const greeted = { ...newSession, sentAutoReplies: [welcomeSent, { kind: 'welcome' as const, at: now }] }
    expect(kinds(decide({ now: now + MINUTE, conversation: greeted, settings: eachSession }))).toEqual([])
  })

  it('is skipped when an operator already wrote first (proactive chat)', () => {
    const proactive = conversation({ firstOperatorReplyAt: T0 - MINUTE })
    expect(kinds(decide({ conversation: proactive }))).toEqual([])
  })

  it('is skipped in each-session mode when an operator already answered in this session', () => {
    const answered = conversation({
      sessionStartedAt: T0,
      firstOperatorReplyAt: T0 - 600 * MINUTE,
      lastOperatorReplyAt: T0 + MINUTE,
    })
    const eachSession = settings({ welcome: { when: 'each-session' } })
    expect(kinds(decide({ now: T0 + 2 * MINUTE, conversation: answered, settings: eachSession }))).toEqual([])
  })

  it('is not sent when disabled or when its text is blank', () => {
    expect(kinds(decide({ settings: settings({ welcome: { enabled: false } }) }))).toEqual([])
    expect(kinds(decide({ settings: settings({ welcome: { text: '  ' } }) }))).toEqual([])
  })
})

describe('off-hours', () => {
  const closedSince = T0 - 15 * 60 * MINUTE

  it('replaces the welcome while the line is closed', () => {
    expect(decide({ lineOpen: false, lineSince: closedSince }).replies).toEqual([
      { kind: 'off-hours', text: DEFAULT_TEXTS.offHours, offerCallback: false },
    ])
  })

  it('is sent once per closed period: not again in the same one, again in the next one', () => {
    const replied = conversation({ sentAutoReplies: [{ kind: 'off-hours', at: T0 }] })
    expect(
      kinds(decide({ now: T0 + MINUTE, lineOpen: false, lineSince: closedSince, conversation: replied })),
    ).toEqual([])
    const nextNight = T0 + 24 * 60 * MINUTE
    expect(
      kinds(
        decide({
          now: nextNight,
          lineOpen: false,
          lineSince: nextNight - 60 * MINUTE,
          conversation: replied,
        }),
      ),
    ).toEqual(['off-hours'])
  })

  it('is sent once per conversation when the closed period start is unknown', () => {
    const replied = conversation({ sentAutoReplies: [{ kind: 'off-hours', at: T0 - 3 * 24 * 60 * MINUTE }] })
    expect(kinds(decide({ lineOpen: false, conversation: replied }))).toEqual([])
    expect(kinds(decide({ lineOpen: false }))).toEqual(['off-hours'])
  })

  it('stays quiet when an operator has answered since closing time (working late)', () => {
    const lateOperator = conversation({
      firstOperatorReplyAt: T0 - 5 * MINUTE,
      lastOperatorReplyAt: T0 - MINUTE,
    })
    expect(kinds(decide({ lineOpen: false, lineSince: closedSince, conversation: lateOperator }))).toEqual([])
  })

  it('counts as the greeting: no welcome after reopening in the same conversation', () => {
    const nightMessage = conversation({ sentAutoReplies: [{ kind: 'off-hours', at: T0 - 10 * 60 * MINUTE }] })
    expect(kinds(decide({ conversation: nightMessage, lineSince: T0 - 60 * MINUTE }))).toEqual([])
  })

  it('when disabled, sends nothing while closed (and no welcome either)', () => {
    const quiet = settings({ offHours: { enabled: false } })
    expect(kinds(decide({ lineOpen: false, lineSince: closedSince, settings: quiet }))).toEqual([])
  })

  it('is only a reaction to a visitor message, never to a tick', () => {
    expect(kinds(decide({ event: 'tick', lineOpen: false, lineSince: closedSince }))).toEqual([])
  })
})
