/**
 * The storage boundary. Everything the server keeps goes through `Store`; it is implemented once
 * with Kysely and run on two dialects (SQLite through better-sqlite3 — the embedded default — and
 * PostgreSQL through `pg`). `store.contract.ts` is the one suite both must pass.
 *
 * Every read and write of tenant data takes the workspace id: an operator can never reach another
 * workspace's rows through any method, because no method offers the unscoped query. The only
 * unscoped look-ups are the ones a public caller starts from (a widget id, a public slug, a session
 * id, an operator's email at sign-in), and they return the workspace id to scope everything after.
 *
 * Times are integers: milliseconds since the Unix epoch.
 */
import type { AuthorKind, ConversationStatus } from '../protocol/messages.ts'
import type { AttachmentRef, AttachmentStore } from './attachment-types.ts'
import type { CallbackStore } from './callback-types.ts'
import type { CrmConnectionStore } from './crm-connection-types.ts'
import type { FormStore } from './form-types.ts'
import type { LineSweepStore } from './line-sweep-types.ts'
import type { OperatorProfileStore } from './operator-profile-types.ts'
import type { OutboxStore } from './outbox-types.ts'
import type { VisitorIdentityStore } from './visitor-identity-types.ts'
import type { WidgetUpdateStore } from './widget-update-types.ts'

export type JsonObject = { [key: string]: unknown }

export interface Workspace {
  id: string
  name: string
  createdAt: number
}

export type OperatorRole = 'admin' | 'operator'

export interface Operator {
  id: string
  workspaceId: string
  /** Stored lower-cased; unique across the installation (sign-in starts from it). */
  email: string
  name: string
  avatarUrl: string | null
  role: OperatorRole
  passwordHash: string
  createdAt: number
}

export interface Line {
  id: string
  workspaceId: string
  name: string
  /** Routing, working hours and auto-reply settings (issue "Open lines"); validated at the edge. */
  settings: JsonObject
  createdAt: number
}

export interface Widget {
  id: string
  workspaceId: string
  lineId: string
  name: string
  /** The public chat page lives at `/chat/<publicSlug>`; unique across the installation. */
  publicSlug: string
  /** Appearance, texts, channels, display rules; public (never holds secrets). */
  settings: JsonObject
  /** Origins allowed to open visitor sockets for this widget; empty = any origin. */
  allowedOrigins: string[]
  createdAt: number
}

export interface Visitor {
  id: string
  workspaceId: string
  widgetId: string | null
  name: string | null
  email: string | null
  phone: string | null
  /** Page, referrer, language, device, time zone… as last reported by the browser. */
  context: JsonObject
  createdAt: number
  lastSeenAt: number
  /**
   * issue 6 item 1: the business's own user id from `Openline('identify', { id })`; recognises the
   * client across chat, callback and form. Null when not identified (or not verified, see docs/embed.md).
   */
  externalId: string | null
}

export interface Conversation {
  id: string
  workspaceId: string
  lineId: string
  widgetId: string | null
  visitorId: string
  status: ConversationStatus
  assigneeId: string | null
  /** Highest sequence number handed out; the next message gets lastSeq + 1 (gap-free). */
  lastSeq: number
  visitorReadSeq: number
  operatorReadSeq: number
  createdAt: number
  updatedAt: number
  closedAt: number | null
}

export type PresenceStatus = 'online' | 'away' | 'offline'

/** An operator's presence as every node sees it (issue "Open lines"): routing trusts only this. */
export interface OperatorPresence {
  workspaceId: string
  operatorId: string
  status: PresenceStatus
  /** Refreshed on every gateway heartbeat while a socket is connected; stale = gone. */
  lastSeenAt: number
}

/** `open` = the operator sees it and may accept or skip; `skipped` = declined for good. */
export type OfferState = 'open' | 'withdrawn' | 'skipped'

/** One operator's offer of one waiting conversation; at most one per (conversation, operator). */
export interface ConversationOffer {
  workspaceId: string
  lineId: string
  conversationId: string
  operatorId: string
  state: OfferState
  offeredAt: number
  /** Null when the offer does not run out (`everyone`). */
  expiresAt: number | null
  /** How often an offer to this operator was withdrawn without an answer (expired, went away). */
  misses: number
}

/** How an offer ends when withdrawn: declined, withdrawn without an answer, or for another reason. */
export type OfferOutcome = 'skipped' | 'missed' | 'withdrawn'

export interface OperatorLoad {
  operatorId: string
  /** Open conversations assigned to the operator, in any line of the workspace. */
  activeChats: number
  lastAssignedAt: number | null
}

export interface Message {
  id: string
  workspaceId: string
  conversationId: string
  seq: number
  /** Client-chosen id; unique per author, which is what makes resends idempotent. */
  clientId: string
  authorKind: AuthorKind
  /** Visitor id or operator id; null for system messages. */
  authorId: string | null
  authorName: string | null
  authorAvatarUrl: string | null
  body: string
  createdAt: number
  /** Files the message carries (issue "One button, three ways", item 4); absent when none. */
  attachments?: AttachmentRef[]
}

export interface ConversationEvent {
  id: string
  workspaceId: string
  conversationId: string
  /** Dot-named, e.g. `conversation.opened`, `conversation.assigned`, `conversation.closed`. */
  type: string
  actorKind: AuthorKind
  actorId: string | null
  data: JsonObject
  createdAt: number
}

// ---------------------------------------------------------------- teamwork (issue "Open lines", items 4, 5, 7)

/**
 * An operator-only note. Notes live apart from messages, with their own per-conversation counter,
 * so no visitor path can ever read one and the visitor's sequence stays gap-free.
 */
export interface Note {
  id: string
  workspaceId: string
  conversationId: string
  /** 1, 2, 3… per conversation, independent of message seq. */
  seq: number
  clientId: string
  authorId: string
  authorName: string | null
  authorAvatarUrl: string | null
  body: string
  createdAt: number
}

export interface NewNote {
  workspaceId: string
  conversationId: string
  clientId: string
  authorId: string
  authorName: string | null
  authorAvatarUrl?: string | null
  body: string
  now: number
}

/** A colleague invited into a conversation: reads and writes it besides the assignee. */
export interface Participant {
  workspaceId: string
  conversationId: string
  operatorId: string
  invitedBy: string | null
  createdAt: number
}

export type RatingValue = 'like' | 'dislike'

export interface Rating {
  value: RatingValue
  comment: string | null
  ratedAt: number
}

export type CloseReason = 'operator' | 'visitor' | 'inactivity'

/** Recorded as things happen, by the same statements that assign, append and close. */
export interface ConversationKpis {
  /** createdAt → first assignment; null while never assigned. */
  waitMs: number | null
  /** first visitor message → first operator message after it; null until both exist. */
  firstAnswerMs: number | null
  transfers: number
  closeReason: CloseReason | null
  rating: Rating | null
  /** Null when the line had no working hours to judge by at creation (or before migration 0003). */
  startedInsideWorkingHours: boolean | null
}

/** Where a transfer sends a conversation. */
export type TransferTarget = { operatorId: string } | { lineId: string }

export type QuickAnswerScope = 'workspace' | 'personal'

export interface QuickAnswer {
  id: string
  workspaceId: string
  scope: QuickAnswerScope
  /** The owner of a personal answer; null for workspace answers. */
  ownerId: string | null
  shortcut: string
  title: string
  text: string
  createdAt: number
  updatedAt: number
}

export interface NewQuickAnswer {
  workspaceId: string
  scope: QuickAnswerScope
  ownerId: string | null
  shortcut: string
  title: string
  text: string
  now: number
}

export interface QuickAnswerPatch {
  shortcut?: string
  title?: string
  text?: string
  now: number
}

export interface Session {
  /** The cookie value is a random token; only its SHA-256 is stored, as `id`. */
  id: string
  operatorId: string
  workspaceId: string
  csrfToken: string
  createdAt: number
  expiresAt: number
}

// ---------------------------------------------------------------- inputs

export interface NewOperator {
  workspaceId: string
  email: string
  name: string
  passwordHash: string
  role: OperatorRole
  avatarUrl?: string | null
}

export interface NewLine {
  workspaceId: string
  name: string
  settings?: JsonObject
}

/** For `updateLine` (issue "Open lines"). */
export interface LinePatch {
  name?: string
  settings?: JsonObject
  /** Time of the change; lines keep no modification time yet, so it is not stored. */
  now: number
}

export interface NewWidget {
  workspaceId: string
  lineId: string
  name: string
  publicSlug: string
  settings?: JsonObject
  allowedOrigins?: string[]
}

export interface NewVisitor {
  workspaceId: string
  widgetId: string | null
  context?: JsonObject
  now: number
}

export interface VisitorPatch {
  name?: string | null
  email?: string | null
  phone?: string | null
  context?: JsonObject
  lastSeenAt?: number
  /** issue 6 item 1: the identified id (null clears it). */
  externalId?: string | null
}

export interface NewConversation {
  workspaceId: string
  lineId: string
  widgetId: string | null
  visitorId: string
  now: number
  /** KPI (issue "Open lines", item 7): judged by the caller from the line's working hours. */
  startedInsideWorkingHours?: boolean | null
}

export interface NewMessage {
  workspaceId: string
  conversationId: string
  clientId: string
  authorKind: AuthorKind
  authorId: string | null
  authorName: string | null
  authorAvatarUrl?: string | null
  body: string
  now: number
  /**
   * Uploads to carry (issue "One button, three ways", item 4): each must be the same author's, in
   * the same workspace, and not carried by another message yet; else StoreError('not_found') and
   * nothing is written.
   */
  attachmentIds?: string[]
}

export interface AppendResult {
  message: Message
  /** True when (authorId, clientId) was stored before: nothing new was written. */
  duplicate: boolean
}

export interface ConversationPatch {
  status?: ConversationStatus
  assigneeId?: string | null
  closedAt?: number | null
  /** KPI: why it was closed; set together with `status: 'closed'`. */
  closeReason?: CloseReason | null
  now: number
}

export interface ConversationQuery {
  status?: ConversationStatus
  assigneeId?: string | null
  visitorId?: string
  /** Newest first by updatedAt; at most this many (default 50, max 200). */
  limit?: number
}

export interface NewEvent {
  workspaceId: string
  conversationId: string
  type: string
  actorKind: AuthorKind
  actorId: string | null
  data?: JsonObject
  now: number
}

export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'conversation_closed',
    message: string,
  ) {
    super(message)
    this.name = 'StoreError'
  }
}

export interface Store
  extends OutboxStore,
    CrmConnectionStore,
    WidgetUpdateStore,
    OperatorProfileStore,
    CallbackStore,
    AttachmentStore,
    LineSweepStore,
    FormStore,
    VisitorIdentityStore {
  readonly dialect: 'sqlite' | 'postgres'
  /** Runs pending migrations; safe to call on every start and from several nodes at once. */
  migrate(): Promise<void>
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>
  close(): Promise<void>

  /** Installation-wide key/value (e.g. the token-signing secret shared by all nodes). */
  getOrCreateSetting(key: string, create: () => string): Promise<string>

  createWorkspace(input: { name: string; now: number }): Promise<Workspace>
  getWorkspace(id: string): Promise<Workspace | undefined>
  countWorkspaces(): Promise<number>

  createOperator(input: NewOperator & { now: number }): Promise<Operator>
  /** Unscoped: sign-in starts from an email. Case-insensitive. */
  findOperatorByEmail(email: string): Promise<Operator | undefined>
  getOperator(workspaceId: string, id: string): Promise<Operator | undefined>
  listOperators(workspaceId: string): Promise<Operator[]>

  createLine(input: NewLine & { now: number }): Promise<Line>
  getLine(workspaceId: string, id: string): Promise<Line | undefined>
  listLines(workspaceId: string): Promise<Line[]>
  // ---------------------------------------------------------------- line settings (issue "Open lines")
  /**
   * Renames a line and/or replaces its settings object (the caller merges and validates). Throws
   * StoreError('not_found') for a line of another workspace or none at all.
   */
  updateLine(workspaceId: string, id: string, patch: LinePatch): Promise<Line>
  // ---------------------------------------------------------------- end line settings

  createWidget(input: NewWidget & { now: number }): Promise<Widget>
  /** Unscoped: a public caller starts from a widget id. */
  findWidget(id: string): Promise<Widget | undefined>
  /** Unscoped: the public chat page starts from a slug. */
  findWidgetBySlug(slug: string): Promise<Widget | undefined>
  getWidget(workspaceId: string, id: string): Promise<Widget | undefined>
  listWidgets(workspaceId: string): Promise<Widget[]>

  createSession(session: Session): Promise<void>
  /** Unscoped: a request starts from its cookie. Expired sessions are not returned. */
  findSession(id: string, now: number): Promise<Session | undefined>
  deleteSession(id: string): Promise<void>

  createVisitor(input: NewVisitor): Promise<Visitor>
  getVisitor(workspaceId: string, id: string): Promise<Visitor | undefined>
  updateVisitor(workspaceId: string, id: string, patch: VisitorPatch): Promise<Visitor>

  createConversation(input: NewConversation): Promise<Conversation>
  getConversation(workspaceId: string, id: string): Promise<Conversation | undefined>
  /** The visitor's newest open conversation, if any. */
  findOpenConversation(workspaceId: string, visitorId: string): Promise<Conversation | undefined>
  listConversations(workspaceId: string, query?: ConversationQuery): Promise<Conversation[]>
  updateConversation(workspaceId: string, id: string, patch: ConversationPatch): Promise<Conversation>
  /**
   * Unscoped, for a node's start (issue "Open lines", auto-reply runtime): open conversations of every
   * workspace updated at or after `updatedSince`, newest first, at most `limit` (max 5000).
   */
  listRecentOpenConversations(query: { updatedSince: number; limit: number }): Promise<Conversation[]>
  /** Raises visitorReadSeq/operatorReadSeq monotonically (never lowers it, never past lastSeq). */
  markRead(
    workspaceId: string,
    conversationId: string,
    reader: 'visitor' | 'operator',
    seq: number,
  ): Promise<Conversation>

  /**
   * Stores a message with the conversation's next sequence number, in one transaction. When the
   * same author already stored `clientId`, returns that message with `duplicate: true` and writes
   * nothing. Throws StoreError('not_found') for a missing conversation.
   */
  appendMessage(input: NewMessage): Promise<AppendResult>
  /** Messages with seq > afterSeq, ascending; at most `limit` (default 500). */
  listMessages(
    workspaceId: string,
    conversationId: string,
    options?: { afterSeq?: number; limit?: number },
  ): Promise<Message[]>
  /** The newest message of each given conversation (for inbox previews). */
  lastMessages(workspaceId: string, conversationIds: string[]): Promise<Map<string, Message>>

  addEvent(input: NewEvent): Promise<ConversationEvent>
  listEvents(workspaceId: string, conversationId: string): Promise<ConversationEvent[]>

  // ---------------------------------------------------------------- routing (issue "Open lines")

  /**
   * Exactly-once assignment across nodes: one conditional write that only succeeds while the
   * conversation is open and unassigned. Returns the assigned conversation to the one caller that
   * won, undefined to everyone else (already assigned, closed, or missing).
   */
  assignIfUnassigned(
    workspaceId: string,
    conversationId: string,
    operatorId: string,
    now: number,
  ): Promise<Conversation | undefined>
  /** A line's queue: its open conversations without an assignee, oldest first. */
  listWaitingConversations(workspaceId: string, lineId: string): Promise<Conversation[]>
  /** Per visitor, the assignee of their most recently created assigned conversation on the line. */
  latestAssignees(workspaceId: string, lineId: string, visitorIds: string[]): Promise<Map<string, string>>
  /** Load of each given operator (operators with no conversations get zeros). */
  operatorLoads(workspaceId: string, operatorIds: string[]): Promise<OperatorLoad[]>

  setOperatorPresence(
    workspaceId: string,
    operatorId: string,
    status: PresenceStatus,
    now: number,
  ): Promise<OperatorPresence>
  /**
   * The gateway heartbeat: one statement for all the operators connected to a node. Unscoped (a
   * node serves many workspaces; operator ids are unique across the installation). An `offline`
   * row comes back `online`: the operator's socket on another node closed, this one is alive.
   */
  touchOperatorPresence(operatorIds: string[], now: number): Promise<void>
  /** Presence rows of the given operators; an operator never seen has none (= offline). */
  listOperatorPresence(workspaceId: string, operatorIds: string[]): Promise<OperatorPresence[]>

  /**
   * Opens offers; idempotent: an operator whose offer is already open, or who skipped, is left
   * alone; a withdrawn offer opens again. Returns the operators whose offer this call opened.
   */
  openOffers(input: {
    workspaceId: string
    lineId: string
    conversationId: string
    operatorIds: string[]
    expiresAt: number | null
    now: number
  }): Promise<string[]>
  /** Withdraws open offers; returns the operators whose open offer this call withdrew. */
  withdrawOffers(
    workspaceId: string,
    conversationId: string,
    operatorIds: string[],
    outcome: OfferOutcome,
  ): Promise<string[]>
  /** Every offer (any state) of the line's conversations. */
  listOffers(workspaceId: string, lineId: string): Promise<ConversationOffer[]>
  /** Forgets the offers of conversations that left the queue; returns the deleted rows. */
  deleteOffers(workspaceId: string, conversationIds: string[]): Promise<ConversationOffer[]>

  // ---------------------------------------------------------------- teamwork (issue "Open lines", items 4, 5, 7)

  /** Stores a note with the next note seq; a resend of (author, clientId) returns the stored one. */
  appendNote(input: NewNote): Promise<{ note: Note; duplicate: boolean }>
  /** Notes with seq > afterSeq, ascending. */
  listNotes(workspaceId: string, conversationId: string, options?: { afterSeq?: number }): Promise<Note[]>
  /** Adds a participant; false when they already were one. not_found for another workspace's operator. */
  addParticipant(input: {
    workspaceId: string
    conversationId: string
    operatorId: string
    invitedBy: string | null
    now: number
  }): Promise<boolean>
  /** Participant operator ids of each given conversation (conversations without any are absent). */
  participantsOf(workspaceId: string, conversationIds: string[]): Promise<Map<string, string[]>>
  /**
   * Moves an open conversation to an operator (assigns) or to a line (unassigned, for its router),
   * counting the transfer. Conditional: only while it is open and still assigned to `fromAssigneeId`,
   * so two transfers racing cannot both win; undefined to the loser. not_found for a target outside
   * the workspace.
   */
  transferConversation(input: {
    workspaceId: string
    conversationId: string
    fromAssigneeId: string | null
    to: TransferTarget
    now: number
  }): Promise<Conversation | undefined>
  /**
   * Stores the visitor's rating of a closed conversation, replacing an earlier one; only while it is
   * closed and `closedAt >= notClosedBefore`. Undefined when that does not hold.
   */
  rateConversation(input: {
    workspaceId: string
    conversationId: string
    rating: RatingValue
    comment: string | null
    notClosedBefore: number
    now: number
  }): Promise<Conversation | undefined>
  /** The rating of each given conversation (unrated ones are absent). */
  ratingsOf(workspaceId: string, conversationIds: string[]): Promise<Map<string, Rating>>
  getConversationKpis(workspaceId: string, conversationId: string): Promise<ConversationKpis | undefined>

  createQuickAnswer(input: NewQuickAnswer): Promise<QuickAnswer>
  getQuickAnswer(workspaceId: string, id: string): Promise<QuickAnswer | undefined>
  /** Workspace answers plus the operator's own personal ones, by shortcut. */
  listQuickAnswers(workspaceId: string, operatorId: string): Promise<QuickAnswer[]>
  updateQuickAnswer(workspaceId: string, id: string, patch: QuickAnswerPatch): Promise<QuickAnswer>
  deleteQuickAnswer(workspaceId: string, id: string): Promise<boolean>
}
