/**
 * Which automatic messages to send now (issue "Open lines"). Pure: the shell passes the event, the
 * conversation's timestamps, the line's open/closed period and the settings, then sends the replies
 * (rendered with `renderTemplate`), records them in `sentAutoReplies` and sets one timer per
 * conversation for `nextCheckAt` instead of polling. Rules in docs/lines.md, "Auto-replies".
 */
import type { AutoRepliesSettings } from './auto-replies-schema.ts'

export type AutoReplyKind = 'welcome' | 'off-hours' | 'no-answer' | 'on-close'
export type AutoReplyEvent = 'visitor-message' | 'conversation-closed' | 'tick'

export interface SentAutoReply {
  kind: AutoReplyKind
  at: number
}

export interface ConversationTimes {
  createdAt: number
  firstVisitorMessageAt: number | null
  lastVisitorMessageAt: number | null
  firstOperatorReplyAt: number | null
  /** Lets the rules notice an operator who answered in this session or while the line is closed. */
  lastOperatorReplyAt?: number | null
  /** Start of the visitor's current session, for welcome `each-session`. */
  sessionStartedAt?: number
  sentAutoReplies: readonly SentAutoReply[]
}

export interface AutoReplyInput {
  event: AutoReplyEvent
  now: number
  conversation: ConversationTimes
  lineOpen: boolean
  /** When the line's current open or closed period began: `linePeriod(hours, now).since`. */
  lineSince?: number | null
  /** When it ends: `linePeriod(hours, now).until`. */
  lineUntil?: number | null
  settings: AutoRepliesSettings
}

export interface AutoReply {
  kind: AutoReplyKind
  /** The template; render it with `renderTemplate` for the visitor. */
  text: string
  /** Show the callback form with the message (no-answer `offer-callback`). */
  offerCallback: boolean
}

export interface AutoReplyDecision {
  replies: AutoReply[]
  /** When to evaluate a `tick` for this conversation next; null = no timer needed. */
  nextCheckAt: number | null
}

const EVER = Number.NEGATIVE_INFINITY

const hasText = (text: string): boolean => text.trim() !== ''

function sentSince(conversation: ConversationTimes, kinds: AutoReplyKind[], since: number): boolean {
  return conversation.sentAutoReplies.some((reply) => kinds.includes(reply.kind) && reply.at >= since)
}

function operatorRepliedSince(conversation: ConversationTimes, since: number): boolean {
  const last = conversation.lastOperatorReplyAt ?? conversation.firstOperatorReplyAt
  return last !== null && last >= since
}

function reply(kind: AutoReplyKind, text: string, offerCallback = false): AutoReply {
  return { kind, text, offerCallback }
}

/** One greeting per scope: the welcome while open; while closed the off-hours reply takes its place. */
function welcomeReply({ settings, conversation }: AutoReplyInput): AutoReply | undefined {
  const { welcome } = settings
  if (!welcome.enabled || !hasText(welcome.text)) return undefined
  const scopeStart = welcome.when === 'each-session' ? (conversation.sessionStartedAt ?? EVER) : EVER
  if (sentSince(conversation, ['welcome', 'off-hours'], scopeStart)) return undefined
  if (operatorRepliedSince(conversation, scopeStart)) return undefined
  return reply('welcome', welcome.text)
}

/** Once per closed period (once per conversation when the period's start is unknown). */
function offHoursReply({ settings, conversation, lineSince }: AutoReplyInput): AutoReply | undefined {
  const { offHours } = settings
  if (!offHours.enabled || !hasText(offHours.text)) return undefined
  if (sentSince(conversation, ['off-hours'], lineSince ?? EVER)) return undefined
  // An operator answering after closing time is still there: telling the visitor "we're away" is wrong.
  if (lineSince != null && operatorRepliedSince(conversation, lineSince)) return undefined
  return reply('off-hours', offHours.text)
}

/** Once per conversation, counting only the time the line has been open. */
function noAnswerRule(input: AutoReplyInput): { reply?: AutoReply; checkAt: number | null } {
  const { noAnswer } = input.settings
  const { conversation } = input
  const waitingSince = conversation.firstVisitorMessageAt
  if (!noAnswer.enabled || noAnswer.action === 'keep-waiting' || !hasText(noAnswer.text))
    return { checkAt: null }
  if (waitingSince === null || conversation.firstOperatorReplyAt !== null) return { checkAt: null }
  if (sentSince(conversation, ['no-answer'], EVER)) return { checkAt: null }
  const wait = noAnswer.afterMinutes * 60_000
  if (!input.lineOpen) return { checkAt: input.lineUntil != null ? input.lineUntil + wait : null }
  const due = Math.max(waitingSince, input.lineSince ?? EVER) + wait
  if (input.now >= due) {
    return { reply: reply('no-answer', noAnswer.text, noAnswer.action === 'offer-callback'), checkAt: null }
  }
  // If the line closes first, look again then: the wait resumes at the next opening.
  return { checkAt: input.lineUntil != null ? Math.min(due, input.lineUntil) : due }
}

/** On every closing, unless nothing was said since the last thank-you. */
function onCloseReply({ settings, conversation }: AutoReplyInput): AutoReply | undefined {
  const { onClose } = settings
  if (!onClose.enabled || !hasText(onClose.text)) return undefined
  if (sentSince(conversation, ['on-close'], conversation.lastVisitorMessageAt ?? EVER)) return undefined
  return reply('on-close', onClose.text)
}

export function decideAutoReplies(input: AutoReplyInput): AutoReplyDecision {
  if (input.event === 'conversation-closed') {
    const thanks = onCloseReply(input)
    return { replies: thanks ? [thanks] : [], nextCheckAt: null }
  }
  const replies: AutoReply[] = []
  if (input.event === 'visitor-message') {
    const greeting = input.lineOpen ? welcomeReply(input) : offHoursReply(input)
    if (greeting) replies.push(greeting)
  }
  const waiting = noAnswerRule(input)
  if (waiting.reply) replies.push(waiting.reply)
  return { replies, nextCheckAt: waiting.checkAt }
}
