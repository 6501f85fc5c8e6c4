/**
 * The conversation service: the one place where chat state changes. The WebSocket gateway and the
 * HTTP API both call it; it writes through the Store (durably, before anything is acknowledged)
 * and then fans the resulting frames out on the Bus to every node.
 */
import type { ErrorCode, WireConversation, WireMessage, WireNote } from '../protocol/messages.ts'
import type { Conversation, ConversationKpis, Operator, RatingValue, TransferTarget } from '../store/types.ts'

/** Who is acting: every call is scoped to the actor's workspace. */
export type Actor =
  | { kind: 'visitor'; workspaceId: string; visitorId: string; widgetId: string | null }
  | { kind: 'operator'; workspaceId: string; operator: Operator }

export class ChatError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ChatError'
  }
}

export interface SendResult {
  message: WireMessage
  conversation: WireConversation
  /** True when the client id had been stored before: nothing was written or published. */
  duplicate: boolean
}

export interface ChatService {
  /**
   * Stores a message and publishes `message.created` (and `conversation.updated` when a visitor's
   * first message opens a conversation). A visitor may omit conversationId: their open
   * conversation is used, or a new one is started on the widget's line.
   */
  send(
    actor: Actor,
    /** `attachments`: ids of the author's own uploads (issue 5, item 4). */
    input: { clientId: string; conversationId?: string; body: string; attachments?: string[] | undefined },
  ): Promise<SendResult>
  /**
   * Messages after `afterSeq` in order, for a conversation the actor may read; for operators also
   * the hidden notes after `afterNoteSeq` (always empty for visitors).
   */
  sync(
    actor: Actor,
    conversationId: string,
    afterSeq: number,
    afterNoteSeq?: number,
  ): Promise<{ messages: WireMessage[]; lastSeq: number; notes: WireNote[] }>
  markRead(actor: Actor, conversationId: string, seq: number): Promise<void>
  /** Ephemeral: published, never stored. */
  setTyping(actor: Actor, conversationId: string, typing: boolean): Promise<void>
  close(actor: Actor, conversationId: string): Promise<WireConversation>
  /** A visitor's conversations, or the operator inbox (newest first). */
  list(actor: Actor, query?: { status?: 'open' | 'closed'; mine?: boolean }): Promise<WireConversation[]>
  get(actor: Actor, conversationId: string): Promise<WireConversation>
  /** Stores the operator's presence (every node routes by it), publishes it, and re-routes. */
  setPresence(workspaceId: string, operatorId: string, status: 'online' | 'away' | 'offline'): Promise<void>
  /** The gateway heartbeat: these operators are still connected (one store write for all). */
  refreshPresence(operatorIds: string[]): Promise<void>
  /** An operator takes a conversation offered to them; ChatError `conversation_taken` if too late. */
  accept(actor: Actor, conversationId: string): Promise<void>
  /** An operator declines an offer; it passes on. */
  skip(actor: Actor, conversationId: string): Promise<void>

  // ---------------------------------------------------------------- teamwork (issue "Open lines", items 4, 5, 7)
  /** Operators: a hidden note, published to operators only (`forbidden` for visitors). */
  addNote(
    actor: Actor,
    input: { clientId: string; conversationId: string; body: string },
  ): Promise<{ note: WireNote; duplicate: boolean }>
  /** Operators: reassign to a colleague or move to a line; `conversation_taken` if it changed meanwhile. */
  transfer(actor: Actor, conversationId: string, to: TransferTarget): Promise<WireConversation>
  /** Operators: a colleague joins as a participant. */
  invite(actor: Actor, conversationId: string, operatorId: string): Promise<WireConversation>
  /** Visitors: rate a closed conversation; a new rating replaces the old one within the window. */
  rate(
    actor: Actor,
    conversationId: string,
    input: { rating: RatingValue; comment?: string },
  ): Promise<WireConversation>
  /** Operators: the KPIs recorded for a conversation. */
  kpis(actor: Actor, conversationId: string): Promise<ConversationKpis>
}

/**
 * The line routing runtime as the chat service sees it (issue "Open lines", server/lines/): told
 * about every change that can move a queue, and answering the operators' accept and skip.
 */
export interface Routing {
  /** Opened, reopened, assigned or closed. */
  conversationChanged(conversation: Conversation): void
  /** An operator came, went, or changed between online and away. */
  presenceChanged(workspaceId: string): void
  accept(workspaceId: string, operatorId: string, conversationId: string): Promise<void>
  skip(workspaceId: string, operatorId: string, conversationId: string): Promise<void>
}
