/**
 * Messages typed here and not yet acknowledged. Each keeps its client id for life: a resend after
 * a reconnect reuses it and the server stores it once (client API: "resend un-acked messages with
 * the SAME client id").
 */
import type { WireAttachment } from '../../server/protocol/messages.ts'

export type OutboxStatus = 'pending' | 'failed'

export interface OutboxEntry {
  clientId: string
  /** Null for a visitor's first message: the server opens the conversation. */
  conversationId: string | null
  body: string
  createdAt: number
  status: OutboxStatus
  error: string | null
  /** Issue 5, item 4: files the message carries (already uploaded). */
  attachments?: readonly WireAttachment[]
}

export type OutboxAction =
  | { type: 'outbox.queued'; entry: Omit<OutboxEntry, 'status' | 'error'> }
  | { type: 'outbox.retry'; clientId: string }
  | { type: 'outbox.delivered'; clientId: string }
  | { type: 'outbox.failed'; clientId: string; error: string }

export function outboxReducer(state: readonly OutboxEntry[], action: OutboxAction): readonly OutboxEntry[] {
  switch (action.type) {
    case 'outbox.queued':
      if (state.some((e) => e.clientId === action.entry.clientId)) return state
      return [...state, { ...action.entry, status: 'pending', error: null }]
    case 'outbox.retry':
      return update(state, action.clientId, { status: 'pending', error: null })
    case 'outbox.delivered':
      return state.some((e) => e.clientId === action.clientId)
        ? state.filter((e) => e.clientId !== action.clientId)
        : state
    case 'outbox.failed':
      return update(state, action.clientId, { status: 'failed', error: action.error })
  }
}

function update(
  state: readonly OutboxEntry[],
  clientId: string,
  patch: Partial<OutboxEntry>,
): readonly OutboxEntry[] {
  if (!state.some((e) => e.clientId === clientId)) return state
  return state.map((e) => (e.clientId === clientId ? { ...e, ...patch } : e))
}

/** What to (re)send once the socket is ready: everything not given up on, oldest first. */
export function entriesToSend(state: readonly OutboxEntry[]): readonly OutboxEntry[] {
  return state.filter((e) => e.status === 'pending')
}
