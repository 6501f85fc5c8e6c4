/**
 * Auto-replies are system messages with a deterministic client id (issue "Open lines"): two nodes
 * deciding the same reply compute the same id, and the store's unique index on system messages
 * (conversation, client id) keeps one. The ids also record what was sent, so no other table is needed.
 */
import type { AutoReplyKind, SentAutoReply } from '../auto-replies/index.ts'
import type { Message } from '../store/types.ts'

const KINDS: readonly AutoReplyKind[] = ['welcome', 'off-hours', 'no-answer', 'on-close']

/** `n` counts replies of this kind in the conversation, from 1. */
export function autoClientId(kind: AutoReplyKind, conversationId: string, n: number): string {
  return `auto:${kind}:${conversationId}:${n}`
}

export function sentAutoReplyOf(message: Message): SentAutoReply | undefined {
  if (message.authorKind !== 'system') return undefined
  const [prefix, kind] = message.clientId.split(':')
  if (prefix !== 'auto') return undefined
  const known = KINDS.find((k) => k === kind)
  return known ? { kind: known, at: message.createdAt } : undefined
}
