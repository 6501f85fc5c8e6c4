/**
 * Issue "Open lines", item 4: a visitor writing again within the line's reopen window
 * (`routing.reopenWindowMinutes`) picks their closed conversation up again, history and operator
 * included; after the window a new conversation starts.
 */
import { canReopen, readRoutingSettings } from '../routing/index.ts'
import type { Conversation, Store } from '../store/types.ts'

/** Whether a visitor message at `now` may go into `conversation` (open, or closed within the window). */
export async function withinReopenWindow(
  store: Pick<Store, 'getLine'>,
  conversation: Conversation,
  now: number,
): Promise<boolean> {
  if (conversation.status === 'open') return true
  if (conversation.closedAt === null) return false
  const line = await store.getLine(conversation.workspaceId, conversation.lineId)
  return (
    line !== undefined && canReopen(conversation.closedAt, readRoutingSettings(line.settings.routing), now)
  )
}

/** The visitor's latest closed conversation when a message at `now` would reopen it. */
export async function reopenableConversation(
  store: Pick<Store, 'getLine' | 'listConversations'>,
  workspaceId: string,
  visitorId: string,
  now: number,
): Promise<Conversation | undefined> {
  const [latest] = await store.listConversations(workspaceId, { visitorId, status: 'closed', limit: 1 })
  return latest && (await withinReopenWindow(store, latest, now)) ? latest : undefined
}
