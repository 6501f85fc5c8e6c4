/**
 * The operator inbox: every conversation the console knows, merged from HTTP lists and live
 * frames. `conversation.updated` only fires on state changes (open, assign, close), so the last
 * message and `lastSeq` are advanced from `message.created` here.
 */
import type { WireConversation, WireMessage } from '../../server/protocol/messages.ts'

export type InboxTab = 'waiting' | 'mine' | 'closed'
export const INBOX_TABS: readonly InboxTab[] = ['waiting', 'mine', 'closed']

export type ConversationsById = Readonly<Record<string, WireConversation>>

/**
 * Combines two views of one conversation that may have been read at different moments (an HTTP
 * list racing a live frame): counters only grow, and status/assignee come from the newer copy.
 */
export function mergeConversation(
  current: WireConversation | undefined,
  next: WireConversation,
): WireConversation {
  if (!current) return next
  const newer = next.updatedAt >= current.updatedAt ? next : current
  const lastMessage = pickLastMessage(current.lastMessage, next.lastMessage)
  return {
    ...newer,
    lastSeq: Math.max(current.lastSeq, next.lastSeq),
    visitorReadSeq: Math.max(current.visitorReadSeq, next.visitorReadSeq),
    operatorReadSeq: Math.max(current.operatorReadSeq, next.operatorReadSeq),
    lastMessage,
    visitorName: newer.visitorName ?? current.visitorName ?? next.visitorName,
  }
}

function pickLastMessage(a: WireMessage | null, b: WireMessage | null): WireMessage | null {
  if (!a) return b
  if (!b) return a
  return b.seq >= a.seq ? b : a
}

export function mergeConversations(
  state: ConversationsById,
  incoming: readonly WireConversation[],
): ConversationsById {
  if (incoming.length === 0) return state
  const next: Record<string, WireConversation> = { ...state }
  for (const c of incoming) next[c.id] = mergeConversation(state[c.id], c)
  return next
}

/** Returns the same object when the message is not news, so React-style bail-outs work. */
export function applyMessage(state: ConversationsById, message: WireMessage): ConversationsById {
  const current = state[message.conversationId]
  if (!current) return state
  if (current.lastMessage && current.lastMessage.seq >= message.seq) return state
  return {
    ...state,
    [current.id]: {
      ...current,
      lastSeq: Math.max(current.lastSeq, message.seq),
      lastMessage: message,
      updatedAt: Math.max(current.updatedAt, message.createdAt),
      visitorName: current.visitorName ?? (message.authorKind === 'visitor' ? message.authorName : null),
    },
  }
}

export function applyRead(
  state: ConversationsById,
  conversationId: string,
  reader: 'visitor' | 'operator',
  seq: number,
): ConversationsById {
  const current = state[conversationId]
  if (!current) return state
  const key = reader === 'visitor' ? 'visitorReadSeq' : 'operatorReadSeq'
  if (current[key] >= seq) return state
  return { ...state, [conversationId]: { ...current, [key]: seq } }
}

/** Open conversations assigned to a colleague belong to no tab: they are not this operator's work. */
export function tabOf(c: WireConversation, me: string): InboxTab | null {
  if (c.status === 'closed') return 'closed'
  if (c.assigneeId === null) return 'waiting'
  if (c.assigneeId === me) return 'mine'
  return null
}

export function activityAt(c: WireConversation): number {
  return Math.max(c.updatedAt, c.lastMessage?.createdAt ?? 0)
}

/**
 * Waiting is a queue: whoever has waited longest comes first (by `createdAt`, the routing core's
 * `enqueuedAt`). The other tabs are newest activity first. The id breaks ties so the order is
 * stable between renders.
 */
export function conversationsInTab(state: ConversationsById, tab: InboxTab, me: string): WireConversation[] {
  const order =
    tab === 'waiting'
      ? (a: WireConversation, b: WireConversation) => a.createdAt - b.createdAt
      : (a: WireConversation, b: WireConversation) => activityAt(b) - activityAt(a)
  return Object.values(state)
    .filter((c) => tabOf(c, me) === tab)
    .sort((a, b) => order(a, b) || (a.id < b.id ? -1 : 1))
}

/**
 * Unread = messages after the operator's read mark, minus the ones known not to be from the
 * visitor (an operator's own replies are not news). Messages the console has not seen count as
 * unread, so the number can only overstate, never hide a visitor's message.
 */
export function unreadCount(c: WireConversation, known: readonly WireMessage[] = []): number {
  const from = c.operatorReadSeq
  const to = c.lastSeq
  if (to <= from) return 0
  const notFromVisitor = new Set<number>()
  for (const m of known)
    if (m.seq > from && m.seq <= to && m.authorKind !== 'visitor') notFromVisitor.add(m.seq)
  const last = c.lastMessage
  if (last && last.seq > from && last.seq <= to && last.authorKind !== 'visitor') notFromVisitor.add(last.seq)
  return to - from - notFromVisitor.size
}

export interface TabSummary {
  conversations: number
  unread: number
}

export function tabSummaries(
  state: ConversationsById,
  me: string,
  knownMessages: (conversationId: string) => readonly WireMessage[] | undefined,
): Record<InboxTab, TabSummary> {
  const out: Record<InboxTab, TabSummary> = {
    waiting: { conversations: 0, unread: 0 },
    mine: { conversations: 0, unread: 0 },
    closed: { conversations: 0, unread: 0 },
  }
  for (const c of Object.values(state)) {
    const tab = tabOf(c, me)
    if (!tab) continue
    out[tab].conversations += 1
    out[tab].unread += unreadCount(c, knownMessages(c.id))
  }
  return out
}

/**
 * A conversation the operators should hear about: one that was not known (a visitor's first
 * message) or one coming back from closed (a visitor wrote again).
 */
export function isNewWaitingConversation(
  before: WireConversation | undefined,
  after: WireConversation,
): boolean {
  if (after.status !== 'open' || after.assigneeId !== null) return false
  return before === undefined || before.status === 'closed'
}
