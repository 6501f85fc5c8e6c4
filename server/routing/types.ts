/**
 * The routing core's inputs and outputs (issue "Open lines"). The runtime loads a line's waiting
 * conversations and its operators' presence and load into a `RoutingState`, asks `route` (or
 * `accept` / `skip`) for decisions, carries them out (store, bus), and sets one timer for
 * `nextWakeAt`. `applyDecisions` shows, and can perform, how each decision changes the state.
 * Times are milliseconds since the Unix epoch, like everywhere in the store.
 */

export type Presence = 'online' | 'away' | 'offline'

export interface RoutingOperator {
  id: string
  presence: Presence
  /** Last heartbeat; an `online` operator silent for longer than the presence timeout is gone. */
  lastSeenAt: number
  /** Conversations assigned to this operator and still open. */
  activeChats: number
  lastAssignedAt: number | null
}

/** An offer that is still open: the operator sees the conversation and may accept or skip it. */
export interface RoutingOffer {
  operatorId: string
  offeredAt: number
}

export interface WaitingConversation {
  id: string
  enqueuedAt: number
  visitorId: string
  /** The returning visitor's own operator (who answered them last), if any. */
  preferredOperatorId: string | null
  /** Open offers only: a withdrawn offer is removed (see `applyDecisions`). */
  offers: RoutingOffer[]
  /** Operators who declined; never offered this conversation again. */
  skippedBy: string[]
  /**
   * One entry per offer withdrawn without an answer (expired, or the operator went away); in
   * `in-order` such an operator comes round again only after everyone else. Absent = none.
   */
  withdrawnFrom?: string[]
}

export interface RoutingState {
  /** May hold operators outside the line's queue: they are never chosen. */
  operators: RoutingOperator[]
  waiting: WaitingConversation[]
}

export type WithdrawReason =
  /** The `in-order` offer waited `queueTimeSeconds` without an answer. */
  | 'expired'
  /** The operator went away or offline, missed heartbeats, or filled up with other chats. */
  | 'unavailable'
  | 'skipped'
  /** Another operator accepted first. */
  | 'taken'
  /** The line's settings changed: the operator left the queue or the mode makes no offers. */
  | 'rerouted'

export type AssignReason = 'queue' | 'returning-client' | 'accepted'

export type RejectReason = 'taken' | 'not_offered'

export type Decision =
  | { type: 'assign'; conversationId: string; operatorId: string; reason: AssignReason }
  /** `expiresAt` is null when the offer does not run out (`everyone`). */
  | { type: 'offer'; conversationId: string; operatorIds: string[]; expiresAt: number | null }
  | { type: 'withdraw'; conversationId: string; operatorIds: string[]; reason: WithdrawReason }
  /** 1-based position among the conversations that nobody has been offered yet, FIFO. */
  | { type: 'wait'; conversationId: string; position: number }
  | { type: 'reject'; conversationId: string; operatorId: string; reason: RejectReason }

export interface RouteResult {
  decisions: Decision[]
  /** Earliest instant at which routing could decide differently without a new event; null = never. */
  nextWakeAt: number | null
}

export interface RouteOptions {
  /** How long after its last heartbeat an `online` operator still counts as present. */
  presenceTimeoutMs?: number
}

/** The gateway pings every 30 s and drops a peer that missed one ping: gone within two intervals. */
export const DEFAULT_PRESENCE_TIMEOUT_MS = 60_000
