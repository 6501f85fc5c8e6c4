import type { RoutingSettings, RoutingState } from '../routing/index.ts'
import type { Conversation, Line, Store } from '../store/types.ts'
import { lineRoutingSettings } from './line-settings.ts'
import { staleOfferConversations, toRoutingState } from './line-state.ts'

export interface LoadedLine {
  line: Line
  settings: RoutingSettings
  state: RoutingState
  waiting: Conversation[]
  /** Conversations whose offers must be settled: they left the queue. */
  stale: string[]
}

/** Reads everything one routing pass needs, from the store every node shares. */
export async function loadLine(
  store: Store,
  workspaceId: string,
  lineId: string,
): Promise<LoadedLine | undefined> {
  const [line, operators, waiting, offers] = await Promise.all([
    store.getLine(workspaceId, lineId),
    store.listOperators(workspaceId),
    store.listWaitingConversations(workspaceId, lineId),
    store.listOffers(workspaceId, lineId),
  ])
  if (!line) return undefined
  const settings = lineRoutingSettings(line, operators)
  const [presence, loads, preferred] = await Promise.all([
    store.listOperatorPresence(workspaceId, settings.queue),
    store.operatorLoads(workspaceId, settings.queue),
    store.latestAssignees(workspaceId, lineId, [...new Set(waiting.map((c) => c.visitorId))]),
  ])
  const snapshot = { queue: settings.queue, waiting, offers, presence, loads, preferred }
  return {
    line,
    settings,
    state: toRoutingState(snapshot),
    waiting,
    stale: staleOfferConversations(snapshot),
  }
}
