/**
 * Cross-tab sync: every tab applies the same shareable actions through the same deduping reducer,
 * so a message sent or received in one tab shows in the others exactly once. Connection, typing and
 * open/closed stay per tab.
 */
import type { ChatAction } from './types.ts'

export interface PeerChannel {
  post(action: ChatAction): void
  listen(listener: (action: ChatAction) => void): () => void
  close(): void
}

const SHARED = new Set<ChatAction['type']>([
  'visitor',
  'visitor.reset',
  'received',
  'acked',
  'queued',
  'failed',
  'read',
  'peer.read',
  'conversation',
  'conversation.closed',
])

export function isShared(action: ChatAction): boolean {
  return SHARED.has(action.type)
}

/** BroadcastChannel is same-origin by construction: no origin check is needed, unlike postMessage. */
export function broadcastPeers(widgetId: string): PeerChannel | null {
  if (typeof BroadcastChannel !== 'function') return null
  const channel = new BroadcastChannel(`openline:${widgetId}`)
  return {
    post: (action) => channel.postMessage(action),
    listen(listener) {
      const onMessage = (event: MessageEvent) => {
        const data: unknown = event.data
        if (typeof data === 'object' && data !== null && SHARED.has((data as ChatAction).type)) {
          listener(data as ChatAction)
        }
      }
      channel.addEventListener('message', onMessage)
      return () => channel.removeEventListener('message', onMessage)
    },
    close: () => channel.close(),
  }
}
