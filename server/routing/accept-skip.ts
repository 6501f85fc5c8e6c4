import { applyDecisions } from './apply-decisions.ts'
import { route } from './route.ts'
import type { RoutingSettings } from './routing-settings-schema.ts'
import type { Decision, RouteOptions, RouteResult, RoutingState } from './types.ts'

/**
 * An operator accepts an offer. The first accept wins: it assigns the conversation and withdraws
 * everyone else's offer; once that is applied the conversation is no longer waiting, so a later
 * accept is rejected as `taken`. An operator without an open offer is rejected as `not_offered`.
 */
export function accept(state: RoutingState, conversationId: string, operatorId: string): Decision[] {
  const conversation = state.waiting.find((c) => c.id === conversationId)
  if (!conversation) return [{ type: 'reject', conversationId, operatorId, reason: 'taken' }]
  if (!conversation.offers.some((o) => o.operatorId === operatorId)) {
    return [{ type: 'reject', conversationId, operatorId, reason: 'not_offered' }]
  }
  const decisions: Decision[] = [{ type: 'assign', conversationId, operatorId, reason: 'accepted' }]
  const others = conversation.offers.map((o) => o.operatorId).filter((id) => id !== operatorId)
  if (others.length > 0)
    decisions.push({ type: 'withdraw', conversationId, operatorIds: others, reason: 'taken' })
  return decisions
}

/**
 * An operator declines an offer: it is withdrawn for good, and the pass that follows hands it to
 * the next operator (`in-order`) or leaves it with the others (`everyone`). Returns that whole pass
 * — the skip frees a slot another conversation may now get — after the withdrawal or rejection.
 */
export function skip(
  state: RoutingState,
  conversationId: string,
  operatorId: string,
  now: number,
  settings: RoutingSettings,
  options: RouteOptions = {},
): RouteResult {
  const conversation = state.waiting.find((c) => c.id === conversationId)
  const first: Decision = !conversation
    ? { type: 'reject', conversationId, operatorId, reason: 'taken' }
    : !conversation.offers.some((o) => o.operatorId === operatorId)
      ? { type: 'reject', conversationId, operatorId, reason: 'not_offered' }
      : { type: 'withdraw', conversationId, operatorIds: [operatorId], reason: 'skipped' }
  const routed = route(applyDecisions(state, [first], now), settings, now, options)
  return { decisions: [first, ...routed.decisions], nextWakeAt: routed.nextWakeAt }
}
