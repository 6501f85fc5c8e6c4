/**
 * The console's whole client state in one pure reducer: the shell feeds it HTTP results and every
 * server frame, components read it through the selectors below.
 */
import type { ServerFrame, WireConversation, WireMessage } from '../../server/protocol/messages.ts'
import {
  applyMessage,
  applyRead,
  type ConversationsById,
  mergeConversation,
  mergeConversations,
} from './inbox.ts'
import { type OutboxAction, type OutboxEntry, outboxReducer } from './outbox.ts'
import { addMessages, emptyThread, type ThreadState } from './thread.ts'

/** A `typing: true` that is never followed by `false` (a closed tab) stops showing after this. */
export const TYPING_TTL_MS = 8000

export type ConnectionStatus = 'connecting' | 'online' | 'offline'

export interface ConsoleState {
  conversations: ConversationsById
  threads: Readonly<Record<string, ThreadState>>
  outbox: readonly OutboxEntry[]
  /** Conversation id → when the visitor was last reported typing. */
  visitorTyping: Readonly<Record<string, number>>
  connection: ConnectionStatus
  /** A problem worth telling the operator about (a failed close, a rejected frame). */
  notice: string | null
}

export type ConsoleAction =
  | { type: 'inbox.loaded'; conversations: readonly WireConversation[] }
  | { type: 'conversation.loaded'; conversation: WireConversation; messages: readonly WireMessage[] }
  | { type: 'frame'; frame: ServerFrame; now: number }
  | { type: 'connection'; status: ConnectionStatus }
  | { type: 'notice'; text: string | null }
  | OutboxAction

export const initialConsoleState: ConsoleState = {
  conversations: {},
  threads: {},
  outbox: [],
  visitorTyping: {},
  connection: 'connecting',
  notice: null,
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'inbox.loaded':
      return { ...state, conversations: mergeConversations(state.conversations, action.conversations) }
    case 'conversation.loaded': {
      const withConversation = mergeConversations(state.conversations, [action.conversation])
      const next = withMessages(state, action.messages, true)
      return { ...next, conversations: addLastMessages(withConversation, action.messages) }
    }
    case 'frame':
      return applyFrame(state, action.frame, action.now)
    case 'connection':
      return state.connection === action.status ? state : { ...state, connection: action.status }
    case 'notice':
      return { ...state, notice: action.text }
    default:
      return withOutbox(state, outboxReducer(state.outbox, action))
  }
}

function applyFrame(state: ConsoleState, frame: ServerFrame, now: number): ConsoleState {
  switch (frame.type) {
    case 'session.ready':
      return { ...state, conversations: mergeConversations(state.conversations, frame.conversations) }
    case 'conversation.updated': {
      const merged = mergeConversation(state.conversations[frame.conversation.id], frame.conversation)
      return { ...state, conversations: { ...state.conversations, [merged.id]: merged } }
    }
    case 'message.created':
      return receiveMessage(state, frame.message)
    case 'frame.ack':
      return frame.message ? receiveMessage(state, frame.message) : state
    case 'frame.error': {
      if (frame.ref && state.outbox.some((e) => e.clientId === frame.ref)) {
        return withOutbox(state, outboxReducer(state.outbox, failed(frame.ref, frame.message)))
      }
      return { ...state, notice: frame.message }
    }
    case 'typing.updated': {
      if (frame.authorKind !== 'visitor') return state
      return {
        ...state,
        visitorTyping: setTyping(state.visitorTyping, frame.conversationId, frame.typing, now),
      }
    }
    case 'read.updated':
      return {
        ...state,
        conversations: applyRead(state.conversations, frame.conversationId, frame.reader, frame.seq),
      }
    case 'conversation.synced':
    case 'presence.updated':
    // Offers (issue "Open lines") are not shown by the console yet; visitors' queue positions never reach it.
    case 'offer.created':
    case 'offer.withdrawn':
    case 'queue.position':
      return state
  }
}

function failed(clientId: string, error: string): OutboxAction {
  return { type: 'outbox.failed', clientId, error }
}

function receiveMessage(state: ConsoleState, message: WireMessage): ConsoleState {
  const next = withMessages(state, [message], false)
  const conversations = applyMessage(next.conversations, message)
  const outbox = outboxReducer(next.outbox, { type: 'outbox.delivered', clientId: message.clientId })
  const visitorTyping =
    message.authorKind === 'visitor'
      ? setTyping(next.visitorTyping, message.conversationId, false, 0)
      : next.visitorTyping
  if (
    conversations === next.conversations &&
    outbox === next.outbox &&
    visitorTyping === next.visitorTyping
  ) {
    return next
  }
  return { ...next, conversations, outbox, visitorTyping }
}

function withMessages(state: ConsoleState, messages: readonly WireMessage[], loaded: boolean): ConsoleState {
  const byConversation = new Map<string, WireMessage[]>()
  for (const m of messages) {
    const list = byConversation.get(m.conversationId) ?? []
    list.push(m)
    byConversation.set(m.conversationId, list)
  }
  let threads = state.threads
  for (const [id, list] of byConversation) {
    const current = threads[id] ?? emptyThread
    const next = addMessages(current, list, loaded)
    if (next !== current) threads = { ...threads, [id]: next }
  }
  return threads === state.threads ? state : { ...state, threads }
}

function addLastMessages(
  conversations: ConversationsById,
  messages: readonly WireMessage[],
): ConversationsById {
  let out = conversations
  for (const m of messages) out = applyMessage(out, m)
  return out
}

function withOutbox(state: ConsoleState, outbox: readonly OutboxEntry[]): ConsoleState {
  return outbox === state.outbox ? state : { ...state, outbox }
}

function setTyping(
  typing: Readonly<Record<string, number>>,
  conversationId: string,
  on: boolean,
  now: number,
): Readonly<Record<string, number>> {
  if (on) return { ...typing, [conversationId]: now }
  if (!(conversationId in typing)) return typing
  const { [conversationId]: _, ...rest } = typing
  return rest
}

// ---------------------------------------------------------------- selectors

export function isVisitorTyping(state: ConsoleState, conversationId: string, now: number): boolean {
  const at = state.visitorTyping[conversationId]
  return at !== undefined && now - at < TYPING_TTL_MS
}

export function threadOf(state: ConsoleState, conversationId: string): ThreadState {
  return state.threads[conversationId] ?? emptyThread
}

export function outboxFor(state: ConsoleState, conversationId: string): readonly OutboxEntry[] {
  return state.outbox.filter((e) => e.conversationId === conversationId)
}
