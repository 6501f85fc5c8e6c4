/** The conversation's timestamps as the auto-reply rules and auto-close need them, read from its messages. */
import type { ConversationTimes, SentAutoReply } from '../auto-replies/index.ts'
import type { Conversation, Store } from '../store/types.ts'
import { sentAutoReplyOf } from './auto-client-id.ts'

export interface ConversationFacts extends ConversationTimes {
  lastOperatorReplyAt: number | null
  /** The last message of the visitor or an operator; the conversation's start when neither wrote. */
  lastActivityAt: number
}

const PAGE = 500

/**
 * Welcome `each-session` (issue "Open lines", item 3): a visitor session starts with a visitor
 * message after this long with nobody writing, as web analytics count a visit; a reopened
 * conversation also starts one (the runtime adds the reopening, see `withSessionStart`).
 */
export const SESSION_GAP_MS = 30 * 60_000

/**
 * One pass over the messages in pages. Chats are short (tens of messages), so this stays cheap and
 * keeps the store free of columns that would have to agree with the messages.
 */
export async function readConversationFacts(
  store: Store,
  conversation: Conversation,
): Promise<ConversationFacts> {
  const sent: SentAutoReply[] = []
  let firstVisitor: number | null = null
  let lastVisitor: number | null = null
  let firstOperator: number | null = null
  let lastOperator: number | null = null
  let sessionStart: number | undefined
  let cursor = 0
  for (;;) {
    const page = await store.listMessages(conversation.workspaceId, conversation.id, {
      afterSeq: cursor,
      limit: PAGE,
    })
    for (const message of page) {
      const at = message.createdAt
      if (message.authorKind === 'visitor') {
        const previous = Math.max(lastVisitor ?? -Infinity, lastOperator ?? -Infinity)
        if (at - previous >= SESSION_GAP_MS) sessionStart = at
        firstVisitor ??= at
        lastVisitor = at
      } else if (message.authorKind === 'operator') {
        // A reply answers the visitor: an operator writing first (proactive chat) has not answered yet.
        if (firstVisitor !== null) firstOperator ??= at
        lastOperator = at
      } else {
        const auto = sentAutoReplyOf(message)
        if (auto) sent.push(auto)
      }
    }
    if (page.length < PAGE) break
    cursor = page[page.length - 1]!.seq
  }
  return {
    createdAt: conversation.createdAt,
    firstVisitorMessageAt: firstVisitor,
    lastVisitorMessageAt: lastVisitor,
    firstOperatorReplyAt: firstOperator,
    lastOperatorReplyAt: lastOperator,
    sentAutoReplies: sent,
    ...(sessionStart !== undefined ? { sessionStartedAt: sessionStart } : {}),
    lastActivityAt: Math.max(conversation.createdAt, lastVisitor ?? 0, lastOperator ?? 0),
  }
}

/** A reopening starts a new session too: the later of the two starts counts. */
export async function withSessionStart(
  store: Pick<Store, 'listEvents'>,
  conversation: Conversation,
  facts: ConversationFacts,
): Promise<ConversationFacts> {
  const events = await store.listEvents(conversation.workspaceId, conversation.id)
  const reopenedAt = events.filter((e) => e.type === 'conversation.reopened').at(-1)?.createdAt
  if (reopenedAt === undefined || reopenedAt <= (facts.sessionStartedAt ?? -Infinity)) return facts
  return { ...facts, sessionStartedAt: reopenedAt }
}
