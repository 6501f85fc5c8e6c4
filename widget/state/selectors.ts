import type { ChatMessage, ChatState } from './types.ts'

/** Operator and system messages after the visitor's read position. */
export function unreadCount(state: ChatState): number {
  let n = 0
  for (const m of state.messages)
    if (m.seq !== null && m.seq > state.readSeq && m.authorKind !== 'visitor') n++
  return n
}

/** Unsent messages still worth sending, oldest first. */
export function outbox(state: ChatState): ChatMessage[] {
  return state.messages.filter((m) => m.seq === null && (m.status === 'pending' || m.status === 'sent'))
}

/** The highest stored seq held, contiguous or not. */
export function highestSeq(state: ChatState): number {
  let n = 0
  for (const m of state.messages) if (m.seq !== null && m.seq > n) n = m.seq
  return n
}

/** A message arrived beyond `lastSeq + 1`: something in between was missed, re-sync. */
export function hasGap(state: ChatState): boolean {
  return highestSeq(state) > state.lastSeq
}

export type ShownStatus = ChatMessage['status'] | 'read'

export function deliveryOf(message: ChatMessage, state: Pick<ChatState, 'peerReadSeq'>): ShownStatus {
  if (message.seq !== null && message.seq <= state.peerReadSeq) return 'read'
  return message.status
}
