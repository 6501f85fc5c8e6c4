import { describe, expect, it } from 'vitest'
import { linePeriod, workingHoursSchema } from '../working-hours/index.ts'
import { autoRepliesSchema } from './auto-replies-schema.ts'
import { type ConversationTimes, decideAutoReplies, type SentAutoReply } from './decide-auto-replies.ts'

const hours = workingHoursSchema.parse({ timeZone: 'Europe/Warsaw' })
const settings = autoRepliesSchema.parse({})
const at = (iso: string): number => Date.parse(iso)

/**
 * Plays visitor messages through the rules the way the shell will: one timer per conversation at
 * `nextCheckAt`, replaced after every decision, and every reply recorded as sent.
 */
function play(visitorMessages: number[], until: number): string[] {
  const sent: SentAutoReply[] = []
  const pending = [...visitorMessages]
  const conversation: ConversationTimes = {
    createdAt: visitorMessages[0]!,
    firstVisitorMessageAt: visitorMessages[0]!,
    lastVisitorMessageAt: null,
    firstOperatorReplyAt: null,
    sentAutoReplies: sent,
  }
  let timer: number | null = null
  for (;;) {
    const message = pending[0]
    const isTick = timer !== null && (message === undefined || timer < message)
    const now = isTick ? timer! : message
    if (now === undefined || now > until) break
    if (!isTick) {
      pending.shift()
      conversation.lastVisitorMessageAt = now
    }
    const period = linePeriod(hours, now)
    const decision = decideAutoReplies({
      event: isTick ? 'tick' : 'visitor-message',
      now,
      conversation,
      lineOpen: period.open,
      lineSince: period.since,
      lineUntil: period.until,
      settings,
    })
    for (const reply of decision.replies) sent.push({ kind: reply.kind, at: now })
    timer = decision.nextCheckAt
  }
  return sent.map((reply) => `${new Date(reply.at).toISOString().slice(0, 16)} ${reply.kind}`)
}

describe('auto-replies over a weekend (Europe/Warsaw, Mon–Fri 09:00–18:00)', () => {
  it('a message just before Friday closing: welcome, then off-hours on Saturday, then no-answer 5 minutes into Monday', () => {
    const fridayLate = at('2026-06-05T15:58:00Z')
    const saturday = at('2026-06-06T08:00:00Z')
    const sunday = at('2026-06-07T08:00:00Z')
    expect(play([fridayLate, saturday, sunday], at('2026-06-08T12:00:00Z'))).toEqual([
      '2026-06-05T15:58 welcome',
      '2026-06-06T08:00 off-hours',
      '2026-06-08T07:05 no-answer',
    ])
  })

  it('off-hours is repeated only in a new closed period; nothing is sent twice within one', () => {
    const messages = [
      '2026-06-05T17:00:00Z',
      '2026-06-06T08:00:00Z',
      '2026-06-08T06:30:00Z',
      '2026-06-08T16:30:00Z',
    ]
    expect(play(messages.map(at), at('2026-06-09T12:00:00Z'))).toEqual([
      '2026-06-05T17:00 off-hours',
      '2026-06-08T07:05 no-answer',
      '2026-06-08T16:30 off-hours',
    ])
  })
})
