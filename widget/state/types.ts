import type {
  AuthorKind,
  ConversationStatus,
  WireAttachment,
  WireConversation,
  WireMessage,
  WireRating,
} from '../../server/protocol/messages.ts'

/**
 * Where one of the visitor's own messages is on its way to the operator. "read" is not stored: it is
 * derived from the operator's read position (see `deliveryOf`).
 */
export type DeliveryStatus = 'pending' | 'sent' | 'delivered' | 'failed'

export interface ChatMessage {
  /** The key from the moment the visitor typed it; resends reuse it so the server stores it once. */
  clientId: string
  /** Null until the server stored it. */
  id: string | null
  /** Null until the server stored it; gap-free per conversation once set. */
  seq: number | null
  conversationId: string | null
  authorKind: AuthorKind
  authorName: string | null
  authorAvatarUrl: string | null
  body: string
  createdAt: number
  status: DeliveryStatus
  /** Issue "Open lines": a no-answer auto-reply offering a callback shows a button. */
  action?: 'callback'
  /** Issue 5, item 4: files the message carries. */
  attachments?: WireAttachment[]
  /** Why the server refused it (status `failed`): `line_closed` makes the panel say so. */
  error?: string
}

export interface Visitor {
  visitorId: string
  /** The visitor's only key (POST /api/visitors): kept so a reload is the same visitor. */
  token: string
}

/** Not persisted: meaningless after a reload. */
export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'offline'

export interface TypingPeer {
  name: string | null
}

/** The visitor's place among the waiting conversations (`queue.position`), until someone answers. */
export interface QueuePlace {
  conversationId: string
  position: number
}

export type RatingValue = WireRating['value']

/**
 * The visitor's rating of the closed conversation on screen: `sending` until the server acks it
 * (`ref` is the frame's id), `saved` once stored (or reported by the server), `failed` when refused.
 */
export interface RatingState {
  value: RatingValue
  comment: string | null
  status: 'sending' | 'saved' | 'failed'
  ref: string | null
}

export interface ChatState {
  visitor: Visitor | null
  conversationId: string | null
  conversationStatus: ConversationStatus | null
  /** Stored messages ordered by seq, then the not-yet-stored ones (the outbox) in the order typed. */
  messages: ChatMessage[]
  /** Highest seq seen without a gap: `conversation.sync` resumes from here. */
  lastSeq: number
  /** The visitor has read everything up to here (drives the unread badge). */
  readSeq: number
  /** The operator has read everything up to here (drives the "read" marks). */
  peerReadSeq: number
  open: boolean
  connection: ConnectionStatus
  typing: TypingPeer | null
  queue: QueuePlace | null
  rating: RatingState | null
}

/**
 * What survives a reload: everything but the live state. The rating comes back with the
 * conversation in `session.ready`; the queue place with the next `queue.position`.
 */
export type PersistedChat = Omit<ChatState, 'connection' | 'typing' | 'queue' | 'rating'>

export type ChatAction =
  | { type: 'restored'; persisted: PersistedChat }
  | { type: 'visitor'; visitor: Visitor }
  /** The token stopped being valid (close 4001 / HTTP 401): start over as a new visitor. */
  | { type: 'visitor.reset' }
  | { type: 'session.ready'; conversations: WireConversation[] }
  | { type: 'conversation'; conversation: WireConversation }
  | { type: 'received'; message: WireMessage }
  | { type: 'queued'; message: ChatMessage }
  | { type: 'transmitted'; clientIds: string[] }
  | { type: 'acked'; clientId: string; message: WireMessage }
  | { type: 'failed'; clientId: string; error?: string }
  /** Back to pending so the next flush sends it again (rate limited, or its conversation was closed). */
  | { type: 'retry'; clientId: string }
  /** The server refused a send into this conversation: the next send starts a new one. */
  | { type: 'conversation.closed'; conversationId: string }
  | { type: 'disconnected'; connection: ConnectionStatus }
  | { type: 'connection'; connection: ConnectionStatus }
  | { type: 'read'; seq: number }
  | { type: 'peer.read'; seq: number }
  | { type: 'typing'; peer: TypingPeer | null }
  | { type: 'open'; open: boolean }
  | { type: 'queue.position'; conversationId: string; position: number }
  /** The visitor rated the closed conversation; `ref` is the `conversation.rate` frame's id. */
  | { type: 'rate'; conversationId: string; ref: string; value: RatingValue; comment: string | null }
  | { type: 'rate.acked'; ref: string }
  | { type: 'rate.failed'; ref: string }
