/**
 * The callback lifecycle (issue 5, item 2): new → assigned → called | no_answer, and reschedule
 * (a new due time). Pure: given the callback as read and what the operator asked for, the change
 * to apply — or why not. The store applies it only if the callback did not change meanwhile.
 */
import type { Callback, CallbackChange } from '../store/callback-types.ts'

export type CallbackAction =
  | { kind: 'assign'; operatorId: string }
  | { kind: 'outcome'; outcome: 'called' | 'no_answer' }
  | { kind: 'reschedule'; dueAt: number }

export type TransitionRefusal = { refused: 'already_called' | 'due_in_past'; message: string }

/** A reschedule may not point more than this into the past (clock skew between browser and server). */
const PAST_TOLERANCE_MS = 5 * 60_000

export function planCallbackChange(
  callback: Callback,
  action: CallbackAction,
  actorId: string,
  now: number,
): CallbackChange | TransitionRefusal {
  // "Called" ends the request; a new call is a new request.
  if (callback.status === 'called') {
    return { refused: 'already_called', message: 'This callback was already made' }
  }
  const expected = { status: callback.status, assigneeId: callback.assigneeId, dueAt: callback.dueAt }
  switch (action.kind) {
    case 'assign':
      return {
        expected,
        // A missed call stays visible as such until someone reschedules or calls again.
        set: {
          status: callback.status === 'no_answer' ? 'no_answer' : 'assigned',
          assigneeId: action.operatorId,
          dueAt: callback.dueAt,
        },
        event: { type: 'assigned', actorId, data: { assigneeId: action.operatorId } },
        now,
      }
    case 'outcome':
      return {
        expected,
        set: { status: action.outcome, assigneeId: callback.assigneeId ?? actorId, dueAt: callback.dueAt },
        event: { type: action.outcome, actorId, data: {} },
        now,
      }
    case 'reschedule': {
      if (action.dueAt < now - PAST_TOLERANCE_MS) {
        return { refused: 'due_in_past', message: 'The new time is in the past' }
      }
      const status =
        callback.status === 'no_answer' ? (callback.assigneeId ? 'assigned' : 'new') : callback.status
      return {
        expected,
        set: { status, assigneeId: callback.assigneeId, dueAt: action.dueAt },
        event: { type: 'rescheduled', actorId, data: { from: callback.dueAt, to: action.dueAt } },
        now,
      }
    }
  }
}

export function isRefusal(value: CallbackChange | TransitionRefusal): value is TransitionRefusal {
  return 'refused' in value
}
