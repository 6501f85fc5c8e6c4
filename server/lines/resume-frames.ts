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

/**
 * The visitor's place in the queue for each of their waiting conversations, as the line's next
 * routing pass would publish it (the pure core, asked without carrying anything out).
 */
export async function queuePositionsOf(
  store: Store,
  workspaceId: string,
  conversations: readonly WireConversation[],
  now: number,
  presenceTimeoutMs = DEFAULT_PRESENCE_TIMEOUT_MS,
): Promise<ServerFrameOf<'queue.position'>[]> {
  const waiting = new Set(
    conversations.filter((c) => c.status === 'open' && c.assigneeId === null).map((c) => c.id),
  )
  const lineIds = new Set(conversations.filter((c) => waiting.has(c.id)).map((c) => c.lineId))
  const frames: ServerFrameOf<'queue.position'>[] = []
  for (const lineId of lineIds) {
    const loaded = await loadLine(store, workspaceId, lineId)
    if (!loaded) continue
    const { decisions } = route(loaded.state, loaded.settings, now, { presenceTimeoutMs })
    for (const decision of decisions) {
      if (decision.type !== 'wait' || !waiting.has(decision.conversationId)) continue
      frames.push({
        type: 'queue.position',
        conversationId: decision.conversationId,
        position: decision.position,
      })
    }
  }
  return frames
}

export type ResumeSubject =
  | { kind: 'operator'; workspaceId: string; operatorId: string }
  | { kind: 'visitor'; workspaceId: string; conversations: readonly WireConversation[] }

/** Everything a socket is told again after `session.ready` (issue "Open lines"). */
export function resumeFrames(store: Store, subject: ResumeSubject, now: number): Promise<ResumeFrame[]> {
  return subject.kind === 'operator'
    ? openOffersOf(store, subject.workspaceId, subject.operatorId)
    : queuePositionsOf(store, subject.workspaceId, subject.conversations, now)
}
