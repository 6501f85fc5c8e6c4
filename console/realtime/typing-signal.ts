/**
 * When to tell the other side "typing": at most one `true` per interval while keys keep coming,
 * and one `false` when the operator stops (idle) or sends. Pure: the shell owns the idle timer.
 */
export interface TypingSignalState {
  typing: boolean
  lastSentAt: number
}

export const TYPING_RESEND_MS = 3000
export const TYPING_IDLE_MS = 4000

export const idleTyping: TypingSignalState = { typing: false, lastSentAt: 0 }

export type TypingEvent = { kind: 'input'; now: number } | { kind: 'stop' }

export function nextTypingSignal(
  state: TypingSignalState,
  event: TypingEvent,
): { state: TypingSignalState; send: boolean | null } {
  if (event.kind === 'stop') {
    return state.typing ? { state: idleTyping, send: false } : { state, send: null }
  }
  if (state.typing && event.now - state.lastSentAt < TYPING_RESEND_MS) return { state, send: null }
  return { state: { typing: true, lastSentAt: event.now }, send: true }
}
