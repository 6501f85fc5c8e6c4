import type { Bus } from '../bus/types.ts'
import type { Decision, WithdrawReason } from '../routing/index.ts'
import type { Conversation, OfferOutcome, Store } from '../store/types.ts'
import { publishConversation, publishQueuePosition, publishToOperators } from './line-frames.ts'

export interface CarryOutDeps {
  store: Store
  bus: Bus
  clock: { now(): number }
}

export interface CarryOutTarget {
  workspaceId: string
  lineId: string
  /** The waiting conversations the decisions are about (for the visitor of a `wait`). */
  waiting: ReadonlyMap<string, Conversation>
  /** Last queue position published per conversation by this node: unchanged ones are not resent. */
  positions: Map<string, number>
}

export interface CarryOutResult {
  /** Conversations another node (or a reply) assigned first: this pass saw an old state. */
  lost: string[]
  rejects: Extract<Decision, { type: 'reject' }>[]
}

const OUTCOME: Record<WithdrawReason, OfferOutcome> = {
  skipped: 'skipped',
  expired: 'missed',
  unavailable: 'missed',
  taken: 'withdrawn',
  rerouted: 'withdrawn',
}

/**
 * Carries out routing decisions in order (issue "Open lines"). Every write is conditional, so two
 * nodes carrying out the same decisions write and publish each effect once: an offer opens once
 * per (conversation, operator), a withdrawal ends an open offer once, and of several assignments
 * of one conversation exactly one lands.
 */
export async function carryOut(
  decisions: readonly Decision[],
  target: CarryOutTarget,
  deps: CarryOutDeps,
): Promise<CarryOutResult> {
  const { store, bus, clock } = deps
  const { workspaceId } = target
  const result: CarryOutResult = { lost: [], rejects: [] }
  for (const decision of decisions) {
    const { conversationId } = decision
    if (result.lost.includes(conversationId)) continue
    switch (decision.type) {
      case 'withdraw': {
        const ids = await store.withdrawOffers(
          workspaceId,
          conversationId,
          decision.operatorIds,
          OUTCOME[decision.reason],
        )
        for (const operatorId of ids) {
          await publishToOperators(bus, workspaceId, {
            type: 'offer.withdrawn',
            conversationId,
            operatorId,
            reason: decision.reason,
          })
        }
        break
      }
      case 'offer': {
        target.positions.delete(conversationId)
        const ids = await store.openOffers({
          workspaceId,
          lineId: target.lineId,
          conversationId,
          operatorIds: decision.operatorIds,
          expiresAt: decision.expiresAt,
          now: clock.now(),
        })
        for (const operatorId of ids) {
          await publishToOperators(bus, workspaceId, {
            type: 'offer.created',
            conversationId,
            operatorId,
            expiresAt: decision.expiresAt,
          })
        }
        break
      }
      case 'assign': {
        const now = clock.now()
        const assigned = await store.assignIfUnassigned(workspaceId, conversationId, decision.operatorId, now)
        if (!assigned) {
          result.lost.push(conversationId)
          break
        }
        target.positions.delete(conversationId)
        const accepted = decision.reason === 'accepted'
        await store.addEvent({
          workspaceId,
          conversationId,
          type: 'conversation.assigned',
          actorKind: accepted ? 'operator' : 'system',
          actorId: accepted ? decision.operatorId : null,
          data: { operatorId: decision.operatorId, reason: decision.reason },
          now,
        })
        await publishConversation(bus, store, assigned)
        await settleOffers(deps, assigned)
        break
      }
      case 'wait': {
        const conversation = target.waiting.get(conversationId)
        if (!conversation || target.positions.get(conversationId) === decision.position) break
        target.positions.set(conversationId, decision.position)
        await publishQueuePosition(bus, conversation, decision.position)
        break
      }
      case 'reject':
        result.rejects.push(decision)
        break
    }
  }
  return result
}

/**
 * A conversation left the queue (assigned or closed): its offers go. Deleting returns each row
 * once, so of two nodes settling at once only one publishes the withdrawal of an open offer.
 */
export async function settleOffers(deps: CarryOutDeps, conversation: Conversation): Promise<void> {
  const rows = await deps.store.deleteOffers(conversation.workspaceId, [conversation.id])
  const reason = conversation.status === 'closed' ? 'closed' : 'taken'
  for (const row of rows) {
    if (row.state !== 'open' || row.operatorId === conversation.assigneeId) continue
    await publishToOperators(deps.bus, conversation.workspaceId, {
      type: 'offer.withdrawn',
      conversationId: conversation.id,
      operatorId: row.operatorId,
      reason,
    })
  }
}
