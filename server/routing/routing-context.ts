import { isAvailable } from './availability.ts'
import type { RoutingSettings } from './routing-settings-schema.ts'
import type { RoutingOperator, RoutingState, WaitingConversation } from './types.ts'

/**
 * One routing pass's working memory. The operators are copies whose `activeChats` also counts the
 * offers and assignments made so far in the pass, so every decision sees the load left by the ones
 * before it (an open offer reserves a slot: the operator can accept it without going over the cap).
 */
export interface RoutingContext {
  settings: RoutingSettings
  now: number
  presenceTimeoutMs: number
  operators: Map<string, RoutingOperator>
  /** Position of each queue member; an operator outside the queue is never chosen. */
  queueIndex: Map<string, number>
}

export function createRoutingContext(
  state: RoutingState,
  settings: RoutingSettings,
  now: number,
  presenceTimeoutMs: number,
): RoutingContext {
  return {
    settings,
    now,
    presenceTimeoutMs,
    operators: new Map(state.operators.map((op) => [op.id, { ...op }])),
    queueIndex: new Map(settings.queue.map((id, index) => [id, index])),
  }
}

/** In the line's queue, known, and available with the load reserved so far. */
export function canTake(ctx: RoutingContext, operatorId: string): boolean {
  const op = ctx.operators.get(operatorId)
  return (
    op !== undefined &&
    ctx.queueIndex.has(operatorId) &&
    isAvailable(op, ctx.settings, ctx.now, ctx.presenceTimeoutMs)
  )
}

/** Queue members who can take this conversation now, in queue order. */
export function candidates(ctx: RoutingContext, conversation: WaitingConversation): RoutingOperator[] {
  const out: RoutingOperator[] = []
  for (const id of ctx.settings.queue) {
    const op = ctx.operators.get(id)
    if (op && !conversation.skippedBy.includes(id) && canTake(ctx, id)) out.push(op)
  }
  return out
}

export function reserve(ctx: RoutingContext, operatorId: string, assigned: boolean): void {
  const op = ctx.operators.get(operatorId)
  if (!op) return
  op.activeChats += 1
  if (assigned) op.lastAssignedAt = ctx.now
}

/** FIFO by enqueue time; the id breaks ties so every node orders the same queue the same way. */
export function inQueueOrder(waiting: readonly WaitingConversation[]): WaitingConversation[] {
  return [...waiting].sort((a, b) => a.enqueuedAt - b.enqueuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
