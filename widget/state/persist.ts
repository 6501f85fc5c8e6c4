/**
 * History survives reloads: the persisted slice is written to IndexedDB (idb-key-value.ts) whenever it
 * changes and read back before the socket connects, so the panel renders from disk first and then
 * syncs. Keys are namespaced by widget id because IndexedDB belongs to the host page's origin, which
 * may embed more than one widget (and run its own idb-keyval).
 */
import type { Store } from './store.ts'
import type { ChatAction, ChatMessage, ChatState, PersistedChat } from './types.ts'

export interface KeyValue {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
}

export function storageKey(widgetId: string): string {
  return `openline:${widgetId}:chat`
}

const PERSISTED_FIELDS = [
  'visitor',
  'conversationId',
  'conversationStatus',
  'messages',
  'lastSeq',
  'readSeq',
  'peerReadSeq',
  'open',
] as const satisfies readonly (keyof PersistedChat)[]

export function persistedOf(state: ChatState): PersistedChat {
  const { connection: _connection, typing: _typing, queue: _queue, rating: _rating, ...rest } = state
  return rest
}

/** Writes the persisted slice whenever one of its fields changes; typing and connection never cause a write. */
export function persistChanges(
  store: Store<ChatState, ChatAction>,
  kv: KeyValue,
  key: string,
  reportError: (error: unknown) => void,
): () => void {
  let last = store.getState()
  return store.subscribe(() => {
    const state = store.getState()
    const changed = PERSISTED_FIELDS.some((field) => state[field] !== last[field])
    last = state
    if (changed) kv.set(key, persistedOf(state)).catch(reportError)
  })
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0
const isNullableString = (v: unknown): boolean => v === null || typeof v === 'string'

function isMessage(v: unknown): v is ChatMessage {
  return (
    isObject(v) &&
    typeof v.clientId === 'string' &&
    typeof v.body === 'string' &&
    typeof v.createdAt === 'number' &&
    (v.seq === null || isCount(v.seq)) &&
    isNullableString(v.id) &&
    isNullableString(v.conversationId) &&
    isNullableString(v.authorName) &&
    isNullableString(v.authorAvatarUrl) &&
    (v.authorKind === 'visitor' || v.authorKind === 'operator' || v.authorKind === 'system') &&
    (v.status === 'pending' || v.status === 'sent' || v.status === 'delivered' || v.status === 'failed')
  )
}

/** What an older widget version (or anything else) left under our key is used only if it has our shape. */
export function readPersisted(value: unknown): PersistedChat | null {
  if (!isObject(value)) return null
  const { visitor, messages } = value
  const visitorOk =
    visitor === null ||
    (isObject(visitor) && typeof visitor.visitorId === 'string' && typeof visitor.token === 'string')
  const statusOk =
    value.conversationStatus === null ||
    value.conversationStatus === 'open' ||
    value.conversationStatus === 'closed'
  if (
    !visitorOk ||
    !statusOk ||
    !isNullableString(value.conversationId) ||
    !Array.isArray(messages) ||
    !messages.every(isMessage) ||
    !isCount(value.lastSeq) ||
    !isCount(value.readSeq) ||
    !isCount(value.peerReadSeq) ||
    typeof value.open !== 'boolean'
  ) {
    return null
  }
  return value as unknown as PersistedChat
}
