import { applyDecisions } from './apply-decisions.ts'
import { presenceExpiresAt } from './availability.ts'
import { offerExpiresAt, releaseOffers } from './release-offers.ts'
import { routeConversation } from './route-conversation.ts'
import { createRoutingContext, inQueueOrder, type RoutingContext } from './routing-context.ts'
import type { RoutingSettings } from './routing-settings-schema.ts'
import {
  DEFAULT_PRESENCE_TIMEOUT_MS,
  type Decision,
  type RouteOptions,
  type RouteResult,
  type RoutingOffer,
  type RoutingState,
} from './types.ts'

/**
 * Routes every waiting conversation of one line, oldest first (issue "Open lines"). Pure and
 * deterministic: the same state, settings and `now` give the same decisions, so any node may run
 * it. Decisions come in the order to carry them out: withdrawals, then assignments and offers,
 * then the queue positions of the conversations nobody has been offered yet.
 */
export function route(
  state: RoutingState,
  settings: RoutingSettings,
  now: number,
  options: RouteOptions = {},
): RouteResult {
  const ctx = createRoutingContext(
    state,
    settings,
    now,
    options.presenceTimeoutMs ?? DEFAULT_PRESENCE_TIMEOUT_MS,
  )
  const queue = inQueueOrder(state.waiting)
  const withdrawals = queue.flatMap((conversation) => releaseOffers(conversation, ctx))
  // Routed on the state after the withdrawals, so an operator whose offer just expired counts as
  // having had their turn.
  const released = applyDecisions({ operators: state.operators, waiting: queue }, withdrawals, now).waiting

  const routed: Decision[] = []
  const waits: Decision[] = []
  const wakes: number[] = []
  for (const conversation of released) {
    const outcome = routeConversation(conversation, ctx)
    routed.push(...outcome.decisions)
    if (outcome.holdUntil !== null) wakes.push(outcome.holdUntil)
    for (const offer of outcome.live) wakes.push(...offerWakes(offer, ctx))
    if (!outcome.assigned && outcome.live.length === 0) {
      waits.push({ type: 'wait', conversationId: conversation.id, position: waits.length + 1 })
    }
  }
  return {
    decisions: [...withdrawals, ...routed, ...waits],
    nextWakeAt: wakes.length ? Math.min(...wakes) : null,
  }
}

/** An open offer changes when it runs out (`in-order`) or when its operator's heartbeat lapses. */
function offerWakes(offer: RoutingOffer, ctx: RoutingContext): number[] {
  const wakes: number[] = []
  if (ctx.settings.mode === 'in-order') wakes.push(offerExpiresAt(offer, ctx))
  const op = ctx.operators.get(offer.operatorId)
  if (op) wakes.push(presenceExpiresAt(op, ctx.presenceTimeoutMs))
  return wakes
}
