/**
 * Callback requests in the Store (issue 5, item 2). A sub-interface of `Store`, implemented by
 * kysely-store/callbacks.ts and checked by contract/callbacks.ts on SQLite and PostgreSQL.
 */
import type { JsonObject } from './types.ts'

export const CALLBACK_STATUSES = ['new', 'assigned', 'called', 'no_answer'] as const
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number]

/** What the visitor asked for: the earliest open time, or one slot of the schedule. */
export type CallbackPreference = 'asap' | 'slot'

export interface Callback {
  id: string
  workspaceId: string
  lineId: string
  widgetId: string
  visitorId: string
  name: string
  /** E.164. */
  phone: string
  topic: string | null
  preferred: CallbackPreference
  /** When to call (ms epoch); changed by a reschedule. */
  dueAt: number
  status: CallbackStatus
  assigneeId: string | null
  /** The consent text the visitor agreed to, verbatim; null where none was asked. */
  consentText: string | null
  consentAt: number | null
  locale: string | null
  visitorTimeZone: string | null
  /** Extra answers (label → value); empty for now. */
  extra: JsonObject
  createdAt: number
  updatedAt: number
}

export type CallbackEventType = 'created' | 'assigned' | 'called' | 'no_answer' | 'rescheduled'

/** One change of a callback: who did what, when. */
export interface CallbackEvent {
  id: string
  workspaceId: string
  callbackId: string
  type: CallbackEventType
  actorKind: 'visitor' | 'operator'
  actorId: string | null
  /** e.g. `{ assigneeId }`, `{ from, to }` of a reschedule. */
  data: JsonObject
  createdAt: number
}

export interface NewCallback {
  workspaceId: string
  lineId: string
  widgetId: string
  visitorId: string
  name: string
  phone: string
  topic: string | null
  preferred: CallbackPreference
  dueAt: number
  consentText: string | null
  locale: string | null
  visitorTimeZone: string | null
  extra?: JsonObject
  now: number
}

/**
 * One change, applied only while the callback is still in `expectedStatus` and has `expectedAssigneeId`
 * (optimistic concurrency: two operators pressing "called" at once — one wins, the other gets
 * `conflict`). The service decides the new values (server/callbacks/transitions.ts).
 */
export interface CallbackChange {
  expected: { status: CallbackStatus; assigneeId: string | null; dueAt: number }
  set: { status: CallbackStatus; assigneeId: string | null; dueAt: number }
  event: { type: CallbackEventType; actorId: string; data: JsonObject }
  now: number
}

export interface CallbackQuery {
  /** Any of these statuses; all when absent or empty. */
  statuses?: readonly CallbackStatus[]
  /** Default 200, at most 1000. */
  limit?: number
}

export interface CallbackStore {
  /**
   * Stores a callback, its `created` event and the `lead.callback` outbox row in one transaction
   * (issue 6: outbox rows are written with what caused them). Throws StoreError('not_found') when
   * the line, widget or visitor is not in the workspace.
   */
  createCallback(input: NewCallback): Promise<Callback>
  getCallback(workspaceId: string, id: string): Promise<Callback | undefined>
  /** Due soonest first (ties: oldest first). */
  listCallbacks(workspaceId: string, query?: CallbackQuery): Promise<Callback[]>
  /**
   * Applies one change and records its event, in one transaction. StoreError('not_found') for no
   * such callback in the workspace (or an unknown assignee), ('conflict') when it changed meanwhile.
   */
  changeCallback(workspaceId: string, id: string, change: CallbackChange): Promise<Callback>
  /** Oldest first. */
  listCallbackEvents(workspaceId: string, callbackId: string): Promise<CallbackEvent[]>
}
