/**
 * The one pure reducer behind the widget (and the public chat page): every frame, every keystroke
 * that sends, every cross-tab broadcast goes through here. Dedupe is by client id for the visitor's
 * unsent messages and by seq for stored ones, so a message shows once however many paths deliver it
 * (ack, `message.created`, a sync replay, another tab).
 */
import type { ConversationStatus, WireConversation, WireMessage } from '../../server/protocol/messages.ts'
import type { ChatAction, ChatMessage, ChatState, PersistedChat } from './types.ts'

export const initialChatState: ChatState = {
  visitor: null,
  conversationId: null,
  conversationStatus: null,
  messages: [],
  lastSeq: 0,
  readSeq: 0,
  peerReadSeq: 0,
  open: false,
  connection: 'idle',
  typing: null,
  queue: null,
  rating: null,
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'restored':
      return restore(state, action.persisted)
    case 'visitor':
      return state.visitor?.token === action.visitor.token ? state : { ...state, visitor: action.visitor }
    case 'visitor.reset':
      // The new visitor has no conversation yet: keep only what the visitor typed and still wants sent.
      return {
        ...initialChatState,
        open: state.open,
        connection: state.connection,
        messages: unsent(state.messages).map((m) => ({
          ...m,
          conversationId: null,
          status: unsentStatus(m),
        })),
      }
    case 'session.ready':
      return adoptFromList(state, action.conversations)
    case 'conversation':
      return applyConversation(state, action.conversation)
    case 'received':
    case 'acked':
      return receive(state, action.message)
    case 'queued':
      return state.messages.some((m) => m.clientId === action.message.clientId)
        ? state
        : { ...state, messages: [...state.messages, action.message] }
    case 'transmitted':
      return mapUnsent(state, (m) =>
        m.status === 'pending' && action.clientIds.includes(m.clientId) ? { ...m, status: 'sent' } : m,
      )
    case 'failed':
      return mapUnsent(state, (m) =>
        m.clientId === action.clientId ? { ...m, status: 'failed', error: action.error } : m,
      )
    case 'retry':
      return mapUnsent(state, (m) => (m.clientId === action.clientId ? { ...m, status: 'pending' } : m))
    case 'conversation.closed':
      return state.conversationId === action.conversationId && state.conversationStatus !== 'closed'
        ? {
            ...state,
            conversationStatus: 'closed',
            typing: null,
            queue: leaveQueue(state.queue, action.conversationId),
          }
        : state
    case 'disconnected': {
      // What was on the wire without an ack may or may not have arrived: back to pending, resent later.
      const next = mapUnsent(state, (m) => (m.status === 'sent' ? { ...m, status: 'pending' } : m))
      // A rating without its ack may or may not be stored: say so, the visitor can send it again.
      const rating =
        next.rating?.status === 'sending' ? { ...next.rating, status: 'failed' as const } : next.rating
      return { ...next, connection: action.connection, typing: null, rating }
    }
    case 'connection':
      return state.connection === action.connection ? state : { ...state, connection: action.connection }
    case 'read':
      return action.seq > state.readSeq ? { ...state, readSeq: action.seq } : state
    case 'peer.read':
      return action.seq > state.peerReadSeq ? { ...state, peerReadSeq: action.seq } : state
    case 'typing':
      return { ...state, typing: action.peer }
    case 'open':
      return state.open === action.open ? state : { ...state, open: action.open }
    case 'queue.position':
      if (!mayFollow(state, action.conversationId)) return state
      if (state.queue?.conversationId === action.conversationId && state.queue.position === action.position)
        return state
      return { ...state, queue: { conversationId: action.conversationId, position: action.position } }
    case 'rate':
      if (state.conversationId !== action.conversationId || state.conversationStatus !== 'closed')
        return state
      return {
        ...state,
        rating: { value: action.value, comment: action.comment, status: 'sending', ref: action.ref },
      }
    case 'rate.acked':
    case 'rate.failed':
      return state.rating?.ref === action.ref && state.rating.status === 'sending'
        ? { ...state, rating: { ...state.rating, status: action.type === 'rate.acked' ? 'saved' : 'failed' } }
        : state
  }
}

/** Someone took the conversation (answered, assigned, closed it): the visitor no longer waits. */
function leaveQueue(queue: ChatState['queue'], conversationId: string): ChatState['queue'] {
  return queue?.conversationId === conversationId ? null : queue
}

function unsent(messages: ChatMessage[]): ChatMessage[] {
  return messages.filter((m) => m.seq === null)
}

function unsentStatus(m: ChatMessage): ChatMessage['status'] {
  return m.status === 'sent' ? 'pending' : m.status
}

function mapUnsent(state: ChatState, fn: (m: ChatMessage) => ChatMessage): ChatState {
  let changed = false
  const messages = state.messages.map((m) => {
    if (m.seq !== null) return m
    const next = fn(m)
    if (next !== m) changed = true
    return next
  })
  return changed ? { ...state, messages } : state
}

function restore(state: ChatState, persisted: PersistedChat): ChatState {
  // A click on the launcher may have come in while IndexedDB was being read: it wins.
  return {
    ...persisted,
    messages: persisted.messages.map((m) => (m.status === 'sent' ? { ...m, status: 'pending' } : m)),
    open: state.open || persisted.open,
    connection: state.connection,
    typing: state.typing,
    queue: state.queue,
    rating: state.rating,
  }
}

/** A new conversation replaces the view of the old (closed) one; unsent messages go to the new one. */
function switchTo(state: ChatState, conversationId: string, status: ConversationStatus): ChatState {
  return {
    ...state,
    conversationId,
    conversationStatus: status,
    messages: unsent(state.messages),
    lastSeq: 0,
    readSeq: 0,
    peerReadSeq: 0,
    typing: null,
    queue: state.queue?.conversationId === conversationId ? state.queue : null,
    rating: null,
  }
}

/** Only one conversation is on screen: follow a new one only when there is none or it is closed. */
function mayFollow(state: ChatState, conversationId: string): boolean {
  return (
    state.conversationId === conversationId ||
    state.conversationId === null ||
    state.conversationStatus === 'closed'
  )
}

function applyConversation(state: ChatState, c: WireConversation): ChatState {
  let s = state
  if (c.id !== s.conversationId) {
    if (!mayFollow(s, c.id) || (s.conversationId !== null && c.status !== 'open')) return s
    s = switchTo(s, c.id, c.status)
  }
  const waiting = c.status === 'open' && c.assigneeId === null
  return {
    ...s,
    conversationStatus: c.status,
    readSeq: Math.max(s.readSeq, c.visitorReadSeq),
    peerReadSeq: Math.max(s.peerReadSeq, c.operatorReadSeq),
    queue: waiting ? s.queue : leaveQueue(s.queue, c.id),
    rating: ratingFrom(s.rating, c),
  }
}

/** The server's rating is the stored truth, unless the visitor's newer one is still on its way. */
function ratingFrom(current: ChatState['rating'], c: WireConversation): ChatState['rating'] {
  if (!c.rating || current?.status === 'sending') return current
  if (current?.status === 'saved' && current.value === c.rating.value && current.comment === c.rating.comment)
    return current
  return { value: c.rating.value, comment: c.rating.comment, status: 'saved', ref: null }
}

function adoptFromList(state: ChatState, list: WireConversation[]): ChatState {
  let current: WireConversation | undefined
  let latestOpen: WireConversation | undefined
  let latest: WireConversation | undefined
  for (const c of list) {
    if (c.id === state.conversationId) current = c
    if (c.status === 'open' && (!latestOpen || c.updatedAt > latestOpen.updatedAt)) latestOpen = c
    if (!latest || c.updatedAt > latest.updatedAt) latest = c
  }
  const target =
    current?.status === 'open'
      ? current
      : (latestOpen ?? current ?? (state.conversationId ? undefined : latest))
  return target ? applyConversation(state, target) : state
}

function receive(state: ChatState, wire: WireMessage): ChatState {
  let s = state
  if (wire.conversationId !== s.conversationId) {
    if (!mayFollow(s, wire.conversationId)) return s
    s = switchTo(s, wire.conversationId, 'open')
  }
  let pendingIndex = -1
  for (let i = 0; i < s.messages.length; i++) {
    const m = s.messages[i]!
    if (m.seq === wire.seq) return s
    if (m.seq === null && m.clientId === wire.clientId) pendingIndex = i
  }
  const rest = pendingIndex < 0 ? s.messages : s.messages.filter((_, i) => i !== pendingIndex)
  let at = rest.findIndex((m) => m.seq === null || m.seq > wire.seq)
  if (at < 0) at = rest.length
  const messages = [...rest.slice(0, at), fromWire(wire), ...rest.slice(at)]
  const queue = wire.authorKind === 'operator' ? leaveQueue(s.queue, wire.conversationId) : s.queue
  return { ...s, messages, lastSeq: contiguousSeq(messages, s.lastSeq), queue }
}

function fromWire(wire: WireMessage): ChatMessage {
  return {
    clientId: wire.clientId,
    id: wire.id,
    seq: wire.seq,
    conversationId: wire.conversationId,
    authorKind: wire.authorKind,
    authorName: wire.authorName,
    authorAvatarUrl: wire.authorAvatarUrl,
    body: wire.body,
    createdAt: wire.createdAt,
    status: 'delivered',
    ...(wire.action && { action: wire.action }),
    ...(wire.attachments && { attachments: wire.attachments }),
  }
}

function contiguousSeq(messages: ChatMessage[], from: number): number {
  let n = from
  for (const m of messages) {
    if (m.seq === null || m.seq > n + 1) break
    if (m.seq === n + 1) n = m.seq
  }
  return n
}
