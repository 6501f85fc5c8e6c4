import { pickEvenly, pickInOrder } from './pick-operator.ts'
import { candidates, canTake, type RoutingContext, reserve } from './routing-context.ts'
import type { AssignReason, Decision, RoutingOffer, WaitingConversation } from './types.ts'

/** What a pass decided for one conversation. */
export interface Outcome {
  decisions: Decision[]
  assigned: boolean
  /** Offers open after the pass (kept and new). */
  live: RoutingOffer[]
  /** The returning-client wait ends then and routing changes; null when it would not matter. */
  holdUntil: number | null
}

/** Second half of a pass: routes one conversation whose `offers` are the ones that stand. */
export function routeConversation(conversation: WaitingConversation, ctx: RoutingContext): Outcome {
  const kept = conversation.offers
  const preferred = preferredInWindow(conversation, ctx)
  if (preferred) return routeToPreferred(conversation, preferred.operatorId, preferred.until, kept, ctx)
  switch (ctx.settings.mode) {
    case 'evenly': {
      const op = pickEvenly(candidates(ctx, conversation))
      return op ? assign(conversation, op.id, 'queue', ctx) : waiting(kept, null)
    }
    case 'in-order': {
      if (kept.length > 0) return waiting(kept, null)
      const op = pickInOrder(candidates(ctx, conversation), conversation)
      return op ? offer(conversation, [op.id], kept, expiry(ctx), ctx, null) : waiting(kept, null)
    }
    case 'everyone': {
      const fresh = candidates(ctx, conversation)
        .map((op) => op.id)
        .filter((id) => !kept.some((o) => o.operatorId === id))
      return fresh.length > 0 ? offer(conversation, fresh, kept, null, ctx, null) : waiting(kept, null)
    }
  }
}

/**
 * Returning client: while the wait is on and their own operator has not declined or let an offer
 * run out, the conversation goes to that operator alone or waits for them.
 */
function preferredInWindow(
  conversation: WaitingConversation,
  ctx: RoutingContext,
): { operatorId: string; until: number } | null {
  const { enabled, waitSeconds } = ctx.settings.returningClient
  const id = conversation.preferredOperatorId
  if (!enabled || id === null) return null
  const until = conversation.enqueuedAt + waitSeconds * 1000
  if (ctx.now >= until || !ctx.queueIndex.has(id)) return null
  if (conversation.skippedBy.includes(id) || conversation.withdrawnFrom?.includes(id)) return null
  return { operatorId: id, until }
}

function routeToPreferred(
  conversation: WaitingConversation,
  operatorId: string,
  until: number,
  kept: RoutingOffer[],
  ctx: RoutingContext,
): Outcome {
  const { mode } = ctx.settings
  // In `everyone` the rest of the queue joins in when the wait ends; `in-order` offers expire anyway.
  const holdUntil = mode === 'everyone' ? until : null
  if (kept.length > 0) return waiting(kept, holdUntil)
  if (!canTake(ctx, operatorId)) return waiting(kept, until)
  if (mode === 'evenly') return assign(conversation, operatorId, 'returning-client', ctx)
  return offer(conversation, [operatorId], kept, mode === 'in-order' ? expiry(ctx) : null, ctx, holdUntil)
}

function expiry(ctx: RoutingContext): number {
  return ctx.now + ctx.settings.queueTimeSeconds * 1000
}

function waiting(live: RoutingOffer[], holdUntil: number | null): Outcome {
  return { decisions: [], assigned: false, live, holdUntil }
}

function assign(
  conversation: WaitingConversation,
  operatorId: string,
  reason: AssignReason,
  ctx: RoutingContext,
): Outcome {
  reserve(ctx, operatorId, true)
  const decision: Decision = { type: 'assign', conversationId: conversation.id, operatorId, reason }
  return { decisions: [decision], assigned: true, live: [], holdUntil: null }
}

function offer(
  conversation: WaitingConversation,
  operatorIds: string[],
  kept: RoutingOffer[],
  expiresAt: number | null,
  ctx: RoutingContext,
  holdUntil: number | null,
): Outcome {
  for (const id of operatorIds) reserve(ctx, id, false)
  const decision: Decision = { type: 'offer', conversationId: conversation.id, operatorIds, expiresAt }
  const fresh = operatorIds.map((operatorId) => ({ operatorId, offeredAt: ctx.now }))
  return { decisions: [decision], assigned: false, live: [...kept, ...fresh], holdUntil }
}
