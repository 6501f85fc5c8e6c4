import type { Decision, RoutingState, WaitingConversation } from './types.ts'

/**
 * How each decision changes the routing state — what the runtime writes to its store, and what
 * lets tests script several events in a row. Pure: returns a new state. `wait` and `reject` change
 * nothing.
 */
export function applyDecisions(
  state: RoutingState,
  decisions: readonly Decision[],
  now: number,
): RoutingState {
  let next = state
  for (const decision of decisions) next = applyDecision(next, decision, now)
  return next
}

function applyDecision(state: RoutingState, decision: Decision, now: number): RoutingState {
  switch (decision.type) {
    case 'assign':
      return {
        operators: state.operators.map((op) =>
          op.id === decision.operatorId
            ? { ...op, activeChats: op.activeChats + 1, lastAssignedAt: now }
            : op,
        ),
        waiting: state.waiting.filter((c) => c.id !== decision.conversationId),
      }
    case 'offer':
      return updateConversation(state, decision.conversationId, (c) => ({
        ...c,
        offers: [...c.offers, ...decision.operatorIds.map((operatorId) => ({ operatorId, offeredAt: now }))],
      }))
    case 'withdraw':
      return updateConversation(state, decision.conversationId, (c) => {
        const ids = decision.operatorIds
        const next = { ...c, offers: c.offers.filter((o) => !ids.includes(o.operatorId)) }
        if (decision.reason === 'skipped') next.skippedBy = [...c.skippedBy, ...ids]
        if (decision.reason === 'expired' || decision.reason === 'unavailable') {
          next.withdrawnFrom = [...(c.withdrawnFrom ?? []), ...ids]
        }
        return next
      })
    case 'wait':
    case 'reject':
      return state
  }
}

function updateConversation(
  state: RoutingState,
  conversationId: string,
  update: (c: WaitingConversation) => WaitingConversation,
): RoutingState {
  return { ...state, waiting: state.waiting.map((c) => (c.id === conversationId ? update(c) : c)) }
}
