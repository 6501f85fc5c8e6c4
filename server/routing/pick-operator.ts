import type { RoutingOperator, WaitingConversation } from './types.ts'

/**
 * `evenly`: the fewest active chats; then the longest since their last assignment (never assigned
 * comes first); then queue order. `candidates` must be in queue order.
 */
export function pickEvenly(candidates: readonly RoutingOperator[]): RoutingOperator | undefined {
  let best: RoutingOperator | undefined
  for (const op of candidates) {
    if (!best || evenlyBefore(op, best)) best = op
  }
  return best
}

function evenlyBefore(a: RoutingOperator, b: RoutingOperator): boolean {
  if (a.activeChats !== b.activeChats) return a.activeChats < b.activeChats
  if (a.lastAssignedAt === b.lastAssignedAt) return false
  if (a.lastAssignedAt === null) return true
  if (b.lastAssignedAt === null) return false
  return a.lastAssignedAt < b.lastAssignedAt
}

/**
 * `in-order`: the first in queue order who has had the fewest unanswered offers of this
 * conversation, so the offer walks down the queue and wraps around to those whose offer expired
 * only after everyone else had their turn. `candidates` must be in queue order.
 */
export function pickInOrder(
  candidates: readonly RoutingOperator[],
  conversation: WaitingConversation,
): RoutingOperator | undefined {
  let best: RoutingOperator | undefined
  let bestMisses = Number.POSITIVE_INFINITY
  for (const op of candidates) {
    const misses = countOf(conversation.withdrawnFrom ?? [], op.id)
    if (misses < bestMisses) {
      best = op
      bestMisses = misses
    }
  }
  return best
}

function countOf(ids: readonly string[], id: string): number {
  let n = 0
  for (const x of ids) if (x === id) n += 1
  return n
}
