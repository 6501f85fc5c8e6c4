/**
 * The outbox's tables and store methods (issue 6, items 1–3). Kept apart from `types.ts` so the
 * feature reads as one file; `Store` extends `OutboxStore`.
 */
import type { OutboxTopic } from './kysely-store/outbox-events.ts'

export type { OutboxTopic } from './kysely-store/outbox-events.ts'

export interface OutboxEventsTable {
  id: string
  workspace_id: string
  topic: string
  subject_id: string
  dedupe_key: string | null
  created_at: number
  expanded_at: number | null
}

export interface CrmDeliveriesTable {
  id: string
  workspace_id: string
  event_id: string
  connection_id: string
  topic: string
  subject_id: string
  status: string
  attempts: number
  next_attempt_at: number | null
  retry_from: number
  lease_owner: string | null
  lease_until: number | null
  ambiguous: number
  last_error: string | null
  crm_id: string | null
  delivered_at: number | null
  created_at: number
  updated_at: number
}

export interface CrmContactLinksTable {
  workspace_id: string
  connection_id: string
  contact_key: string
  crm_id: string
  created_at: number
}

export interface OutboxTables {
  outbox_events: OutboxEventsTable
  crm_deliveries: CrmDeliveriesTable
  crm_contact_links: CrmContactLinksTable
}

// ---------------------------------------------------------------- domain

export type DeliveryStatus = 'pending' | 'delivered' | 'dead'

export interface OutboxEvent {
  id: string
  workspaceId: string
  topic: OutboxTopic
  subjectId: string
  createdAt: number
}

/** One event's delivery to one CRM connection, with every retry's state (issue 6, item 2). */
export interface CrmDelivery {
  id: string
  workspaceId: string
  eventId: string
  connectionId: string
  topic: OutboxTopic
  subjectId: string
  status: DeliveryStatus
  /** Failed attempts so far (a deferral waiting for another delivery does not count). */
  attempts: number
  /** When the delivery may be tried next; null once delivered or dead. */
  nextAttemptAt: number | null
  /** The retry schedule counts from here: creation, or the last replay. */
  retryFrom: number
  leaseOwner: string | null
  leaseUntil: number | null
  /** The last failure may have reached the CRM: look the record up before sending again. */
  ambiguous: boolean
  lastError: string | null
  /** The CRM record this delivery made or found; kept as soon as it is known, before the rest. */
  crmId: string | null
  deliveredAt: number | null
  createdAt: number
  updatedAt: number
}

/** What a relay writes back about a delivery it holds; fields left undefined stay as they are. */
export interface DeliveryUpdate {
  status?: DeliveryStatus
  attempts?: number
  nextAttemptAt?: number | null
  ambiguous?: boolean
  lastError?: string | null
  crmId?: string | null
  deliveredAt?: number | null
  /** Keep holding the row (e.g. after recording the CRM id mid-delivery); default: release it. */
  keepLease?: boolean
  now: number
}

export interface OutboxStore {
  /**
   * Calls `listener` (in this process) soon after any outbox event was written through this store;
   * returns the unsubscribe function. Other nodes find the rows on their next look.
   */
  onOutboxEvent(listener: () => void): () => void
  /** Unscoped (the relay serves every workspace): events not yet expanded into deliveries, oldest first. */
  listUnexpandedOutboxEvents(limit: number): Promise<OutboxEvent[]>
  /**
   * One pending delivery per connection, due at `now`, and the event marked expanded — in one
   * transaction and idempotent, so two nodes expanding the same event make each delivery once.
   */
  expandOutboxEvent(event: OutboxEvent, connectionIds: string[], now: number): Promise<void>
  /**
   * Claims up to `limit` due pending deliveries for `owner` until `now + leaseMs` (oldest due first).
   * PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent relays never claim the same row; SQLite is
   * single-writer, so the one conditional UPDATE is enough. A row whose previous lease ran out (its
   * node died mid-delivery) comes back with `ambiguous: true`: that node may have sent it.
   */
  claimDueDeliveries(input: {
    owner: string
    now: number
    leaseMs: number
    limit: number
  }): Promise<CrmDelivery[]>
  /** Extends a lease this owner still holds; false when it was lost (expired and taken). */
  renewDeliveryLease(id: string, owner: string, until: number): Promise<boolean>
  /** Writes a delivery's outcome, only while `owner` holds it; false when the lease was lost. */
  updateClaimedDelivery(id: string, owner: string, update: DeliveryUpdate): Promise<boolean>
  /**
   * When the relay should look again: the earliest `next_attempt_at` or lease expiry among pending
   * deliveries, `now` when unexpanded events wait, null when there is nothing to do.
   */
  nextOutboxWakeAt(now: number): Promise<number | null>
  /** The delivery of `topic` for `subjectId` to one connection (the lead a close or transfer follows). */
  findDelivery(connectionId: string, topic: OutboxTopic, subjectId: string): Promise<CrmDelivery | undefined>
  /**
   * Newest first. `subjectId`: only the deliveries of one conversation, callback or form submission
   * (every topic: its lead, transcript, transfers), as the console's conversation panel shows them.
   */
  listCrmDeliveries(
    workspaceId: string,
    query?: { status?: DeliveryStatus; subjectId?: string; limit?: number },
  ): Promise<CrmDelivery[]>
  getCrmDelivery(workspaceId: string, id: string): Promise<CrmDelivery | undefined>
  /** Dead → pending now, attempts reset (issue 6, item 2). Undefined when missing or not dead. */
  replayCrmDelivery(workspaceId: string, id: string, now: number): Promise<CrmDelivery | undefined>
  /** The CRM record a contact maps to on a connection: the first key that has one. */
  findContactLink(connectionId: string, contactKeys: string[]): Promise<string | undefined>
  /** Remembers contact keys → CRM record; keys already mapped keep their first record. */
  saveContactLinks(input: {
    workspaceId: string
    connectionId: string
    contactKeys: string[]
    crmId: string
    now: number
  }): Promise<void>
}
