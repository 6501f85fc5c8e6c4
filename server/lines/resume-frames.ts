/**
 * Issue "Open lines": what a (re)connecting socket must be told again right after `session.ready`,
 * because offers and queue places are published once and a socket that was down missed them. The
 * gateway sends these to the new socket only, before the frames published while it was starting.
 */

import type { ServerFrameOf, WireConversation } from '../protocol/messages.ts'
import { DEFAULT_PRESENCE_TIMEOUT_MS, route } from '../routing/index.ts'
import type { Store } from '../store/types.ts'
import { loadLine } from './load-line.ts'

type ResumeFrame = ServerFrameOf<'offer.created'> | ServerFrameOf<'queue.position'>

/** The operator's open offers on every line of the workspace (those still waiting). */
export async function openOffersOf(
  store: Store,
  workspaceId: string,
  operatorId: string,
): Promise<ServerFrameOf<'offer.created'>[]> {
  const lines = await store.listLines(workspaceId)
  const perLine = await Promise.all(
    lines.map(async (line) => {
      const [offers, waiting] = await Promise.all([
        store.listOffers(workspaceId, line.id),
        store.listWaitingConversations(workspaceId, line.id),
      ])
      const stillWaiting = new Set(waiting.map((c) => c.id))
      return offers
        .filter(
          (o) => o.state === 'open' && o.operatorId === operatorId && stillWaiting.has(o.conversationId),
        )
        .map((o) => ({
          type: 'offer.created' as const,
          conversationId: o.conversationId,
          operatorId,
          expiresAt: o.expiresAt,
        }))
    }),
  )
  return perLine.flat()
}

/** A line's queue as its next routing pass would publish it: waiting conversation id → place. */
export type LinePositions = (
  workspaceId: string,
  lineId: string,
  now: number,
) => Promise<ReadonlyMap<string, number>>

/**
 * Loads a line and asks the pure core for its queue places. Concurrent asks for one line share one
 * load: after a restart or a network blip every waiting visitor reconnects at once, and each load
 * reads the whole queue (1,000 reconnects held the event loop for seconds in the bench). Nothing is
 * kept once the load settles, so an answer is never older than the asks it serves.
 */
export function linePositions(store: Store, presenceTimeoutMs = DEFAULT_PRESENCE_TIMEOUT_MS): LinePositions {
  const inFlight = new Map<string, Promise<ReadonlyMap<string, number>>>()
  const load = async (workspaceId: string, lineId: string, now: number) => {
    const positions = new Map<string, number>()
    const loaded = await loadLine(store, workspaceId, lineId)
    if (!loaded) return positions
    const { decisions } = route(loaded.state, loaded.settings, now, { presenceTimeoutMs })
    for (const decision of decisions) {
      if (decision.type === 'wait') positions.set(decision.conversationId, decision.position)
    }
    return positions
  }
  return (workspaceId, lineId, now) => {
    const key = `${workspaceId}:${lineId}`
    let pending = inFlight.get(key)
    if (!pending) {
      pending = load(workspaceId, lineId, now).finally(() => inFlight.delete(key))
      inFlight.set(key, pending)
    }
    return pending
  }
}

/** The visitor's place in the queue for each of their waiting conversations. */
export async function queuePositionsOf(
  positionsOf: LinePositions,
  workspaceId: string,
  conversations: readonly WireConversation[],
  now: number,
): Promise<ServerFrameOf<'queue.position'>[]> {
  const waiting = conversations.filter((c) => c.status === 'open' && c.assigneeId === null)
  const frames: ServerFrameOf<'queue.position'>[] = []
  for (const lineId of new Set(waiting.map((c) => c.lineId))) {
    const positions = await positionsOf(workspaceId, lineId, now)
    for (const conversation of waiting) {
      const position = positions.get(conversation.id)
      if (conversation.lineId === lineId && position !== undefined) {
        frames.push({ type: 'queue.position', conversationId: conversation.id, position })
      }
    }
  }
  return frames
}

export type ResumeSubject =
  | { kind: 'operator'; workspaceId: string; operatorId: string }
  | { kind: 'visitor'; workspaceId: string; conversations: readonly WireConversation[] }

/** Everything a socket is told again after `session.ready` (issue "Open lines"). */
export function resumeFrames(
  store: Store,
  subject: ResumeSubject,
  now: number,
  positionsOf: LinePositions = linePositions(store),
): Promise<ResumeFrame[]> {
  return subject.kind === 'operator'
    ? openOffersOf(store, subject.workspaceId, subject.operatorId)
    : queuePositionsOf(positionsOf, subject.workspaceId, subject.conversations, now)
}
