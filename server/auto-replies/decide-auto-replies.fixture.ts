/** Shared test inputs for the auto-reply rules (not a test file itself). */
import { type AutoRepliesInput, autoRepliesSchema } from './auto-replies-schema.ts'
import {
  type AutoReplyDecision,
  type AutoReplyInput,
  type ConversationTimes,
  decideAutoReplies,
} from './decide-auto-replies.ts'

export const MINUTE = 60_000
/** Monday 2026-06-08, 09:00 in Warsaw. */
export const T0 = Date.parse('2026-06-08T07:00:00Z')

export const settings = (input: AutoRepliesInput = {}) => autoRepliesSchema.parse(input)

/** A conversation whose first visitor message arrived at T0, nothing answered yet. */
export function conversation(overrides: Partial<ConversationTimes> = {}): ConversationTimes {
  return {
    createdAt: T0,
    firstVisitorMessageAt: T0,
    lastVisitorMessageAt: T0,
    firstOperatorReplyAt: null,
    sentAutoReplies: [],
    ...overrides,
  }
}

export function decide(overrides: Partial<AutoReplyInput> = {}): AutoReplyDecision {
  return decideAutoReplies({
    event: 'visitor-message',
    now: T0,
    conversation: conversation(),
    lineOpen: true,
    settings: settings(),
    ...overrides,
  })
}

export const kinds = (decision: AutoReplyDecision): string[] => decision.replies.map((reply) => reply.kind)
