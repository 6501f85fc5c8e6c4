/**
 * What a message list shows: stored messages in seq order, then this client's unacknowledged ones
 * (pending until `frame.ack`, failed on `frame.error`). An entry whose message already arrived
 * (the ack raced a `message.created`) is shown once.
 */
import type { AuthorKind, WireAttachment, WireMessage } from '../../server/protocol/messages.ts'
import type { OutboxEntry } from './outbox.ts'

export type DisplayStatus = 'pending' | 'failed' | 'delivered'

export interface DisplayMessage {
  key: string
  clientId: string
  seq: number | null
  authorKind: AuthorKind
  authorName: string | null
  body: string
  createdAt: number
  status: DisplayStatus
  /** The other side has read it (only meaningful for delivered messages). */
  read: boolean
  error: string | null
  /** Issue 5, item 4. */
  attachments?: readonly WireAttachment[]
}

export function displayMessages(
  messages: readonly WireMessage[],
  outbox: readonly OutboxEntry[],
  options: { ownKind: 'visitor' | 'operator'; ownName: string | null; readByOtherSeq: number },
): DisplayMessage[] {
  const stored = new Set(messages.map((m) => m.clientId))
  const out: DisplayMessage[] = messages.map((m) => ({
    key: m.id,
    clientId: m.clientId,
    seq: m.seq,
    authorKind: m.authorKind,
    authorName: m.authorName,
    body: m.body,
    createdAt: m.createdAt,
    status: 'delivered',
    read: m.seq <= options.readByOtherSeq,
    error: null,
    ...(m.attachments && { attachments: m.attachments }),
  }))
  for (const e of outbox) {
    if (stored.has(e.clientId)) continue
    out.push({
      key: e.clientId,
      clientId: e.clientId,
      seq: null,
      authorKind: options.ownKind,
      authorName: options.ownName,
      body: e.body,
      createdAt: e.createdAt,
      status: e.status,
      read: false,
      error: e.error,
      ...(e.attachments && { attachments: e.attachments }),
    })
  }
  return out
}
