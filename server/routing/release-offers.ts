import { canTake, type RoutingContext, reserve } from './routing-context.ts'
import type { Decision, RoutingOffer, WaitingConversation, WithdrawReason } from './types.ts'

/** When an `in-order` offer runs out. */
export function offerExpiresAt(offer: RoutingOffer, ctx: RoutingContext): number {
  return offer.offeredAt + ctx.settings.queueTimeSeconds * 1000
}

/**
 * First half of a pass: decides which open offers stand (each reserving a slot of its operator) and
 * returns the withdrawals of the rest. It runs for every conversation before any new offer is made,
 * so a slot freed by a later conversation's expired offer is already free for the earlier ones.
 */
export function releaseOffers(conversation: WaitingConversation, ctx: RoutingContext): Decision[] {
  const byReason = new Map<WithdrawReason, string[]>()
  for (const offer of conversation.offers) {
    const reason = withdrawReason(offer, conversation, ctx)
    if (reason === null) {
      reserve(ctx, offer.operatorId, false)
      continue
    }
    const ids = byReason.get(reason) ?? []
    ids.push(offer.operatorId)
    byReason.set(reason, ids)
  }
  return [...byReason].map(([reason, operatorIds]) => ({
    type: 'withdraw',
    conversationId: conversation.id,
    operatorIds,
    reason,
  }))
}

function withdrawReason(
  offer: RoutingOffer,
  conversation: WaitingConversation,
  ctx: RoutingContext,
): WithdrawReason | null {
  const { mode } = ctx.settings
  if (mode === 'evenly' || !ctx.queueIndex.has(offer.operatorId)) return 'rerouted'
  if (conversation.skippedBy.includes(offer.operatorId)) return 'skipped'
  if (mode === 'in-order' && ctx.now >= offerExpiresAt(offer, ctx)) return 'expired'
  if (!canTake(ctx, offer.operatorId)) return 'unavailable'
  return null
}
