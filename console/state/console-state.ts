/**
 * The console's whole client state in one pure reducer: the shell feeds it HTTP results and every
 * server frame, components read it through the selectors below.
 */
import type { ServerFrame, WireConversation, WireMessage, WireNote } from '../../server/protocol/messages.ts'
import type { MessageKey } from '../i18n/en.ts'
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'
import type { Params } from '../i18n/types.ts'
import {
  applyMessage,
  applyRead,
  type ConversationsById,
  mergeConversation,
  mergeConversations,
  tabOf,
} from './inbox.ts'
import { mergeNotes, type PendingNote } from './notes.ts'
import {
  emptyOffers,
  isAnswering,
  type Offer,
  type OfferAnswer,
  type OffersState,
  offersReducer,
  sortedOffers,
} from './offers.ts'
import { type OutboxAction, type OutboxEntry, outboxReducer } from './outbox.ts'
import { addMessages, emptyThread, type ThreadState } from './thread.ts'

/** A `typing: true` that is never followed by `false` (a closed tab) stops showing after this. */
export const TYPING_TTL_MS = 8000

export type ConnectionStatus = 'connecting' | 'online' | 'offline'

export type PresenceStatus = 'online' | 'away'

export interface PresenceChoice {
  status: PresenceStatus
  /** Set once the operator picked a status: it is sent again after every `session.ready`. */
  chosen: boolean
}

/**
 * A notice is the server's own text (shown as written) or one of the console's own sentences as a
 * catalog key, translated when shown (issue 5, item 7).
 */
export type Notice = string | { key: MessageKey; params?: Params }

export const TAKEN_NOTICE: Notice = { key: 'consoleState.takenNotice' }

/** The words of a notice in the console's language. */
export function noticeText(notice: Notice, t: Translate = ENGLISH.t): string {
  return typeof notice === 'string' ? notice : t(notice.key, notice.params)
}

export interface ConsoleState {
  conversations: ConversationsById
  threads: Readonly<Record<string, ThreadState>>
  outbox: readonly OutboxEntry[]
  /** Conversation id → when the visitor was last reported typing. */
  visitorTyping: Readonly<Record<string, number>>
  connection: ConnectionStatus
  /** A problem worth telling the operator about (a failed close, a rejected frame). */
  notice: Notice | null
  /** This operator's id, from `session.ready`: offers name the operator they are for. */
  me: string | null
  /** Server clock minus the console's clock, measured at `session.ready`. */
  serverOffset: number
  /** Conversations offered to this operator (issue "Open lines"). */
  incoming: OffersState
  presence: PresenceChoice
  /** Conversation id → its hidden notes, seq order (issue "Open lines", item 4). */
  notes: Readonly<Record<string, readonly WireNote[]>>
  pendingNotes: readonly PendingNote[]
  /** Transfers and invitations in flight: client id → what to say once acknowledged. */
  teamRequests: Readonly<Record<string, TeamStatus>>
  /** The last acknowledged transfer or invitation, shown in its conversation. */
  teamStatus: TeamStatus | null
}

export interface TeamStatus {
  conversationId: string
  text: string
}

export type ConsoleAction =
  | { type: 'inbox.loaded'; conversations: readonly WireConversation[] }
  | {
      type: 'conversation.loaded'
      conversation: WireConversation
      messages: readonly WireMessage[]
      notes?: readonly WireNote[]
    }
  | { type: 'note.queued'; entry: PendingNote }
  | { type: 'team.requested'; clientId: string; done: TeamStatus }
  | { type: 'frame'; frame: ServerFrame; now: number }
  | { type: 'connection'; status: ConnectionStatus }
  | { type: 'notice'; text: Notice | null }
  | { type: 'offer.requested'; clientId: string; conversationId: string; kind: OfferAnswer }
  | { type: 'offers.expired'; now: number }
  | { type: 'presence.chosen'; status: PresenceStatus }
  | OutboxAction

export const initialConsoleState: ConsoleState = {
  conversations: {},
  threads: {},
  outbox: [],
  visitorTyping: {},
  connection: 'connecting',
  notice: null,
  me: null,
  serverOffset: 0,
  incoming: emptyOffers,
  presence: { status: 'online', chosen: false },
  notes: {},
  pendingNotes: [],
  teamRequests: {},
  teamStatus: null,
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'inbox.loaded':
      return { ...state, conversations: mergeConversations(state.conversations, action.conversations) }
    case 'conversation.loaded': {
      const withConversation = mergeConversations(state.conversations, [action.conversation])
      const next = withNotes(withMessages(state, action.messages, true), action.notes ?? [])
      return { ...next, conversations: addLastMessages(withConversation, action.messages) }
    }
    case 'note.queued':
      if (state.pendingNotes.some((p) => p.clientId === action.entry.clientId)) return state
      return { ...state, pendingNotes: [...state.pendingNotes, action.entry] }
    case 'team.requested':
      return {
        ...state,
        teamRequests: { ...state.teamRequests, [action.clientId]: action.done },
        teamStatus: null,
      }
    case 'frame':
      return applyFrame(state, action.frame, action.now)
    case 'connection':
      return state.connection === action.status ? state : { ...state, connection: action.status }
    case 'notice':
      return { ...state, notice: action.text }
    case 'offer.requested':
      return withOffers(state, offersReducer(state.incoming, { ...action, type: 'requested' }))
    case 'offers.expired':
      return withOffers(state, offersReducer(state.incoming, { type: 'expired', now: action.now }))
    case 'presence.chosen':
      return { ...state, presence: { status: action.status, chosen: true } }
    default:
      return withOutbox(state, outboxReducer(state.outbox, action))
  }
}

function applyFrame(state: ConsoleState, frame: ServerFrame, now: number): ConsoleState {
  switch (frame.type) {
    case 'session.ready':
      // Offers stay across a reconnect: the server does not publish an offer that is still open again.
      return {
        ...state,
        conversations: mergeConversations(state.conversations, frame.conversations),
        me: frame.subjectId,
        serverOffset: frame.serverTime - now,
      }
    case 'conversation.updated': {
      const merged = mergeConversation(state.conversations[frame.conversation.id], frame.conversation)
      const next = { ...state, conversations: { ...state.conversations, [merged.id]: merged } }
      if (merged.status === 'open' && merged.assigneeId === null) return next
      return withOffers(next, offersReducer(next.incoming, { type: 'left-queue', conversationId: merged.id }))
    }
    case 'message.created':
      return receiveMessage(state, frame.message)
    case 'frame.ack': {
      let next = withOffers(
        state,
        offersReducer(state.incoming, { type: 'answered', clientId: frame.ref, error: null }),
      )
      if (frame.note) next = withNotes(next, [frame.note])
      const done = next.teamRequests[frame.ref]
      if (done !== undefined) {
        next = { ...next, teamRequests: without(next.teamRequests, frame.ref), teamStatus: done }
      }
      return frame.message ? receiveMessage(next, frame.message) : next
    }
    case 'frame.error': {
      if (frame.ref && state.outbox.some((e) => e.clientId === frame.ref)) {
        return withOutbox(state, outboxReducer(state.outbox, failed(frame.ref, frame.message)))
      }
      if (frame.ref && state.pendingNotes.some((p) => p.clientId === frame.ref)) {
        return {
          ...state,
          pendingNotes: state.pendingNotes.filter((p) => p.clientId !== frame.ref),
          notice: { key: 'consoleState.noteNotSaved', params: { error: frame.message } },
        }
      }
      if (frame.ref && frame.ref in state.teamRequests) {
        return { ...state, teamRequests: without(state.teamRequests, frame.ref), notice: frame.message }
      }
      const next = frame.ref
        ? withOffers(
            state,
            offersReducer(state.incoming, { type: 'answered', clientId: frame.ref, error: frame.code }),
          )
        : state
      return { ...next, notice: frame.code === 'conversation_taken' ? TAKEN_NOTICE : frame.message }
    }
    case 'offer.created':
      if (frame.operatorId !== state.me) return state
      return withOffers(
        state,
        offersReducer(state.incoming, {
          type: 'created',
          conversationId: frame.conversationId,
          expiresAt: frame.expiresAt === null ? null : frame.expiresAt - state.serverOffset,
          now,
        }),
      )
    case 'offer.withdrawn':
      if (frame.operatorId !== state.me) return state
      return withOffers(
        state,
        offersReducer(state.incoming, { type: 'withdrawn', conversationId: frame.conversationId }),
      )
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
    // The console shows the status this operator chose, not echoes of it (they may arrive out of
    // order with the `online` stored on connect); visitors' queue positions never reach it.
    case 'presence.updated':
    case 'queue.position':
    // Issue 5, item 2: the callbacks page keeps its own list (console/state/callbacks-feed.ts).
    case 'callback.created':
    case 'callback.updated':
      return state
    case 'note.created':
      return withNotes(state, [frame.note])
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

function withNotes(state: ConsoleState, notes: readonly WireNote[]): ConsoleState {
  if (notes.length === 0) return state
  let all = state.notes
  for (const note of notes) {
    const current = all[note.conversationId] ?? []
    const merged = mergeNotes(current, [note])
    if (merged !== current) all = { ...all, [note.conversationId]: merged }
  }
  const ids = new Set(notes.map((n) => n.clientId))
  const pendingNotes = state.pendingNotes.some((p) => ids.has(p.clientId))
    ? state.pendingNotes.filter((p) => !ids.has(p.clientId))
    : state.pendingNotes
  if (all === state.notes && pendingNotes === state.pendingNotes) return state
  return { ...state, notes: all, pendingNotes }
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  const { [key]: _, ...rest } = record
  return rest
}

function withOffers(state: ConsoleState, incoming: OffersState): ConsoleState {
  return incoming === state.incoming ? state : { ...state, incoming }
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

export function notesOf(state: ConsoleState, conversationId: string): readonly WireNote[] {
  return state.notes[conversationId] ?? NO_NOTES
}

export function pendingNotesFor(state: ConsoleState, conversationId: string): readonly PendingNote[] {
  return state.pendingNotes.filter((p) => p.conversationId === conversationId)
}

const NO_NOTES: readonly WireNote[] = []

export function outboxFor(state: ConsoleState, conversationId: string): readonly OutboxEntry[] {
  return state.outbox.filter((e) => e.conversationId === conversationId)
}

export interface IncomingOffer extends Offer {
  /** Unknown until the inbox has loaded it. */
  conversation: WireConversation | null
  answering: boolean
}

/** Offers to show: a conversation known to be out of the waiting queue is not on offer any more. */
export function incomingOffers(state: ConsoleState): IncomingOffer[] {
  const me = state.me ?? ''
  return sortedOffers(state.incoming).flatMap((o) => {
    const conversation = state.conversations[o.conversationId] ?? null
    if (conversation && tabOf(conversation, me) !== 'waiting') return []
    return [{ ...o, conversation, answering: isAnswering(state.incoming, o.conversationId) }]
  })
}
