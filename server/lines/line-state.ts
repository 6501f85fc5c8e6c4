import type { RoutingState } from '../routing/index.ts'
import type { Conversation, ConversationOffer, OperatorLoad, OperatorPresence } from '../store/types.ts'

export interface LineSnapshot {
  queue: readonly string[]
  waiting: readonly Conversation[]
  offers: readonly ConversationOffer[]
  presence: readonly OperatorPresence[]
  loads: readonly OperatorLoad[]
  /** visitorId → the operator who answered them last on this line. */
  preferred: ReadonlyMap<string, string>
}

/**
 * The stored rows of one line → the routing core's state (issue "Open lines"). An operator with
 * no presence row has never connected: offline. Offers of conversations that left the queue are
 * not part of the state (see `staleOfferConversations`).
 */
export function toRoutingState(snapshot: LineSnapshot): RoutingState {
  const presence = new Map(snapshot.presence.map((p) => [p.operatorId, p]))
  const loads = new Map(snapshot.loads.map((l) => [l.operatorId, l]))
  const offersOf = new Map<string, ConversationOffer[]>()
  for (const offer of snapshot.offers) {
    const list = offersOf.get(offer.conversationId) ?? []
    list.push(offer)
    offersOf.set(offer.conversationId, list)
  }
  return {
    operators: snapshot.queue.map((id) => ({
      id,
      presence: presence.get(id)?.status ?? 'offline',
      lastSeenAt: presence.get(id)?.lastSeenAt ?? 0,
      activeChats: loads.get(id)?.activeChats ?? 0,
      lastAssignedAt: loads.get(id)?.lastAssignedAt ?? null,
    })),
    waiting: snapshot.waiting.map((c) => {
      const offers = offersOf.get(c.id) ?? []
      return {
        id: c.id,
        enqueuedAt: c.createdAt,
        visitorId: c.visitorId,
        preferredOperatorId: snapshot.preferred.get(c.visitorId) ?? null,
        offers: offers
          .filter((o) => o.state === 'open')
          .map((o) => ({ operatorId: o.operatorId, offeredAt: o.offeredAt })),
        skippedBy: offers.filter((o) => o.state === 'skipped').map((o) => o.operatorId),
        withdrawnFrom: offers.flatMap((o) => Array.from({ length: o.misses }, () => o.operatorId)),
      }
    }),
  }
}

/** Conversations that still have offer rows but are no longer waiting (assigned or closed). */
export function staleOfferConversations(snapshot: Pick<LineSnapshot, 'waiting' | 'offers'>): string[] {
  const waiting = new Set(snapshot.waiting.map((c) => c.id))
  return [...new Set(snapshot.offers.map((o) => o.conversationId))].filter((id) => !waiting.has(id))
}
