/**
 * The realtime protocol between the server, the widget and the console — defined once.
 *
 * Every frame is a JSON object with a dot-named `type`. Client→server frames carry a client-chosen
 * `id` (the client id): the server answers each with `frame.ack` (after the effect is durably
 * stored) or `frame.error` naming the same id. A resend with an id the server has already stored is
 * acknowledged again and never stored twice.
 *
 * Browser code imports only the types (`import type`) so zod never ships in the widget.
 * Documented in docs/protocol.md.
 */
import { z } from 'zod'

/** Upper bounds shared by the gateway and the clients. */
export const LIMITS = {
  /** Largest frame the gateway parses; larger frames get `frame.error` with code `frame_too_large`. */
  maxFrameBytes: 16 * 1024,
  /** Longest message body in characters. */
  maxBodyChars: 4000,
  /** Longest client id. */
  maxClientIdChars: 64,
} as const

const clientId = z.string().min(1).max(LIMITS.maxClientIdChars)
const entityId = z.string().min(1).max(64)
const seq = z.number().int().nonnegative()

// ---------------------------------------------------------------- attachments (issue 5, item 4)

/** Most files one message may carry. */
export const MAX_MESSAGE_ATTACHMENTS = 10
/** Ids of the author's own uploads (POST /api/attachments); see docs/attachments.md. */
export const attachmentIds = z.array(entityId).max(MAX_MESSAGE_ATTACHMENTS)
/** A file a message carries: public metadata only; the bytes are at GET /api/attachments/:id. */
export const wireAttachment = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  contentType: z.string(),
})
export type WireAttachment = z.infer<typeof wireAttachment>
/** A message may be files alone: the body may then be empty. */
export const bodyOrFiles = (m: { body: string; attachments?: string[] | undefined }) =>
  m.body.length > 0 || (m.attachments?.length ?? 0) > 0

// ---------------------------------------------------------------- end attachments

// ---------------------------------------------------------------- client → server

export const messageSendFrame = z
  .object({
    type: z.literal('message.send'),
    id: clientId,
    /** Visitors may omit it: the server uses the visitor's open conversation or starts one. */
    conversationId: entityId.optional(),
    // issue 5, item 4: empty only when files are attached
    body: z.string().trim().max(LIMITS.maxBodyChars),
    attachments: attachmentIds.optional(),
  })
  .refine(bodyOrFiles, { message: 'Write a message or attach a file', path: ['body'] })

export const conversationSyncFrame = z.object({
  type: z.literal('conversation.sync'),
  id: clientId,
  conversationId: entityId,
  /** The highest sequence number the client has seen without a gap; 0 for none. */
  afterSeq: seq,
  /** Operators: the highest note seq seen (notes number apart from messages); default 0 = all notes. */
  afterNoteSeq: seq.optional(),
})

export const typingUpdateFrame = z.object({
  type: z.literal('typing.update'),
  id: clientId,
  conversationId: entityId,
  typing: z.boolean(),
})

export const messageReadFrame = z.object({
  type: z.literal('message.read'),
  id: clientId,
  conversationId: entityId,
  /** Everything up to and including this sequence number has been read. */
  seq,
})

export const presenceSetFrame = z.object({
  type: z.literal('presence.set'),
  id: clientId,
  status: z.enum(['online', 'away']),
})

export const conversationCloseFrame = z.object({
  type: z.literal('conversation.close'),
  id: clientId,
  conversationId: entityId,
})

/** Operators: take a conversation offered to them (issue "Open lines"); the first accept wins. */
export const conversationAcceptFrame = z.object({
  type: z.literal('conversation.accept'),
  id: clientId,
  conversationId: entityId,
})

/** Operators: decline an offer for good; it passes on to the next operator. */
export const conversationSkipFrame = z.object({
  type: z.literal('conversation.skip'),
  id: clientId,
  conversationId: entityId,
})

/** Operators: a hidden note, never shown to the visitor (issue "Open lines", item 4). */
export const noteAddFrame = z.object({
  type: z.literal('note.add'),
  id: clientId,
  conversationId: entityId,
  body: z.string().trim().min(1).max(LIMITS.maxBodyChars),
})

/** Operators: pass a conversation to a colleague or to another line. */
export const conversationTransferFrame = z.object({
  type: z.literal('conversation.transfer'),
  id: clientId,
  conversationId: entityId,
  to: z.union([z.strictObject({ operatorId: entityId }), z.strictObject({ lineId: entityId })]),
})

/** Operators: bring a colleague into the conversation as a participant. */
export const conversationInviteFrame = z.object({
  type: z.literal('conversation.invite'),
  id: clientId,
  conversationId: entityId,
  operatorId: entityId,
})

export const ratingValue = z.enum(['like', 'dislike'])

/** Visitors: rate a closed conversation (issue "Open lines", item 5). */
export const conversationRateFrame = z.object({
  type: z.literal('conversation.rate'),
  id: clientId,
  conversationId: entityId,
  rating: ratingValue,
  comment: z.string().trim().max(LIMITS.maxBodyChars).optional(),
})

export const clientFrame = z.discriminatedUnion('type', [
  messageSendFrame,
  conversationSyncFrame,
  typingUpdateFrame,
  messageReadFrame,
  presenceSetFrame,
  conversationCloseFrame,
  conversationAcceptFrame,
  conversationSkipFrame,
  noteAddFrame,
  conversationTransferFrame,
  conversationInviteFrame,
  conversationRateFrame,
])
export type ClientFrame = z.infer<typeof clientFrame>
export type ClientFrameType = ClientFrame['type']
export const CLIENT_FRAME_TYPES = clientFrame.options.map((o) => o.shape.type.value)

// ---------------------------------------------------------------- shared shapes

export const authorKind = z.enum(['visitor', 'operator', 'system'])
export type AuthorKind = z.infer<typeof authorKind>

export const wireMessage = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq,
  clientId: z.string(),
  authorKind,
  authorId: z.string().nullable(),
  /** Display name of the author (operator name, visitor name) at the time of sending. */
  authorName: z.string().nullable(),
  authorAvatarUrl: z.string().nullable(),
  body: z.string(),
  /** Milliseconds since the Unix epoch, server clock. */
  createdAt: z.number().int(),
  /** Issue "Open lines": a system message the visitor can act on (`callback`: open the callback form). */
  action: z.enum(['callback']).optional(),
  /** issue 5, item 4: files the message carries; absent when none. */
  attachments: z.array(wireAttachment).optional(),
})
export type WireMessage = z.infer<typeof wireMessage>

/** An operator-only note: its own numbering, never on a visitor's socket or in their replays. */
export const wireNote = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq,
  clientId: z.string(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  authorAvatarUrl: z.string().nullable(),
  body: z.string(),
  createdAt: z.number().int(),
})
export type WireNote = z.infer<typeof wireNote>

export const wireRating = z.object({
  value: ratingValue,
  comment: z.string().nullable(),
  ratedAt: z.number().int(),
})
export type WireRating = z.infer<typeof wireRating>

export const conversationStatus = z.enum(['open', 'closed'])
export type ConversationStatus = z.infer<typeof conversationStatus>

export const wireConversation = z.object({
  id: z.string(),
  lineId: z.string(),
  widgetId: z.string().nullable(),
  visitorId: z.string(),
  visitorName: z.string().nullable(),
  status: conversationStatus,
  assigneeId: z.string().nullable(),
  lastSeq: seq,
  visitorReadSeq: seq,
  operatorReadSeq: seq,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  closedAt: z.number().int().nullable(),
  lastMessage: wireMessage.nullable(),
  /** Colleagues invited into the conversation besides the assignee. */
  participantIds: z.array(z.string()).optional(),
  /** The visitor's rating once given. */
  rating: wireRating.nullable().optional(),
})
export type WireConversation = z.infer<typeof wireConversation>

export const errorCode = z.enum([
  'invalid_json',
  'invalid_frame',
  'unknown_type',
  'frame_too_large',
  'forbidden',
  'not_found',
  'conversation_closed',
  'rate_limited',
  'internal',
  /** `conversation.accept`/`skip` of a conversation another operator already has. */
  'conversation_taken',
  /** A visitor's first message while the line is closed and its off-hours rule takes no chats. */
  'line_closed',
])
export type ErrorCode = z.infer<typeof errorCode>

// ---------------------------------------------------------------- server → client

export const sessionReadyFrame = z.object({
  type: z.literal('session.ready'),
  role: z.enum(['visitor', 'operator']),
  /** The visitor id or the operator id this socket is authenticated as. */
  subjectId: z.string(),
  conversations: z.array(wireConversation),
  serverTime: z.number().int(),
})

export const frameAckFrame = z.object({
  type: z.literal('frame.ack'),
  /** The client id of the acknowledged frame. */
  ref: z.string(),
  /** Set when the acknowledged frame stored a message. */
  message: wireMessage.optional(),
  /** Set when the acknowledged frame stored a note. */
  note: wireNote.optional(),
  /** True when the client id had been stored before (a resend). */
  duplicate: z.boolean().optional(),
})

export const frameErrorFrame = z.object({
  type: z.literal('frame.error'),
  /** The client id of the offending frame when it could be read, else null. */
  ref: z.string().nullable(),
  code: errorCode,
  message: z.string(),
})

export const messageCreatedFrame = z.object({
  type: z.literal('message.created'),
  message: wireMessage,
})

export const conversationSyncedFrame = z.object({
  type: z.literal('conversation.synced'),
  conversationId: z.string(),
  /** The conversation's last sequence number when the replay finished. */
  lastSeq: seq,
})

export const conversationUpdatedFrame = z.object({
  type: z.literal('conversation.updated'),
  conversation: wireConversation,
})

export const typingUpdatedFrame = z.object({
  type: z.literal('typing.updated'),
  conversationId: z.string(),
  authorKind: z.enum(['visitor', 'operator']),
  authorId: z.string(),
  authorName: z.string().nullable(),
  typing: z.boolean(),
})

export const readUpdatedFrame = z.object({
  type: z.literal('read.updated'),
  conversationId: z.string(),
  reader: z.enum(['visitor', 'operator']),
  seq,
})

export const presenceUpdatedFrame = z.object({
  type: z.literal('presence.updated'),
  operatorId: z.string(),
  status: z.enum(['online', 'away', 'offline']),
})

/** A waiting conversation is offered to one operator (issue "Open lines"). */
export const offerCreatedFrame = z.object({
  type: z.literal('offer.created'),
  conversationId: z.string(),
  /** Offers go out on the workspace's operator channel: clients show only their own. */
  operatorId: z.string(),
  /** When the offer passes to the next operator (`in-order`); null when it does not run out. */
  expiresAt: z.number().int().nullable(),
})

export const offerWithdrawnFrame = z.object({
  type: z.literal('offer.withdrawn'),
  conversationId: z.string(),
  operatorId: z.string(),
  reason: z.enum(['expired', 'unavailable', 'skipped', 'taken', 'rerouted', 'closed']),
})

/** To the visitor: their place among the conversations nobody has been offered yet (1 = next). */
export const queuePositionFrame = z.object({
  type: z.literal('queue.position'),
  conversationId: z.string(),
  position: z.number().int().positive(),
})

/** To operators only: a hidden note was added (live, and in an operator's `conversation.sync`). */
export const noteCreatedFrame = z.object({
  type: z.literal('note.created'),
  note: wireNote,
})

// ---------------------------------------------------------------- callbacks (issue 5, item 2)

export const callbackStatus = z.enum(['new', 'assigned', 'called', 'no_answer'])

/** A callback request as operators see it (docs/callbacks.md). */
export const wireCallback = z.object({
  id: z.string(),
  lineId: z.string(),
  widgetId: z.string(),
  visitorId: z.string(),
  name: z.string(),
  /** E.164. */
  phone: z.string(),
  topic: z.string().nullable(),
  preferred: z.enum(['asap', 'slot']),
  /** When to call, ms epoch. */
  dueAt: z.number().int(),
  status: callbackStatus,
  assigneeId: z.string().nullable(),
  consentText: z.string().nullable(),
  consentAt: z.number().int().nullable(),
  locale: z.string().nullable(),
  visitorTimeZone: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** Issue 5 item 3: answers to the widget's extra callback fields, label → answer text. */
  extra: z.record(z.string(), z.string()).optional(),
})
export type WireCallback = z.infer<typeof wireCallback>

/** To operators: a visitor asked for a callback. */
export const callbackCreatedFrame = z.object({ type: z.literal('callback.created'), callback: wireCallback })

/** To operators: a callback was assigned, called, missed or rescheduled. */
export const callbackUpdatedFrame = z.object({ type: z.literal('callback.updated'), callback: wireCallback })

// ---------------------------------------------------------------- end callbacks

export const serverFrame = z.discriminatedUnion('type', [
  sessionReadyFrame,
  frameAckFrame,
  frameErrorFrame,
  messageCreatedFrame,
  conversationSyncedFrame,
  conversationUpdatedFrame,
  typingUpdatedFrame,
  readUpdatedFrame,
  presenceUpdatedFrame,
  offerCreatedFrame,
  offerWithdrawnFrame,
  queuePositionFrame,
  noteCreatedFrame,
  // issue 5, item 2
  callbackCreatedFrame,
  callbackUpdatedFrame,
])
export type ServerFrame = z.infer<typeof serverFrame>
export type ServerFrameType = ServerFrame['type']
export type ServerFrameOf<T extends ServerFrameType> = Extract<ServerFrame, { type: T }>
export type ClientFrameOf<T extends ClientFrameType> = Extract<ClientFrame, { type: T }>

/** WebSocket close codes the server uses (4000–4999 are application codes per RFC 6455). */
export const CLOSE_CODES = {
  /** The client did not drain its buffer: the server will not queue without bound. */
  slowConsumer: 4008,
  /** The session or token stopped being valid. */
  unauthorized: 4001,
  /** The server is shutting down; reconnect. */
  goingAway: 1001,
} as const
