/**
 * Auto-replies are system messages with a deterministic client id (issue "Open lines"): two nodes
 * deciding the same reply compute the same id, and the store's unique index on system messages
 * (conversation, client id) keeps one. The ids also record what was sent, so no other table is needed.
 */
import type { AutoReplyKind, SentAutoReply } from '../auto-replies/index.ts'
import type { Message } from '../store/types.ts'

const KINDS: readonly AutoReplyKind[] = ['welcome', 'off-hours', 'no-answer', 'on-close']

/** What the visitor can do with an auto-reply besides reading it: open the callback form. */
export type AutoReplyAction = 'callback'

/**
 * `n` counts replies of this kind in the conversation, from 1. A no-answer reply that offers a
 * callback ends in `:callback`: the id is the record of what was sent, the offer included, so the
 * visitor's replay shows the button again without another column (issue "Open lines", item 3).
 */
export function autoClientId(
  kind: AutoReplyKind,
  conversationId: string,
  n: number,
  action?: AutoReplyAction,
): string {
  return `auto:${kind}:${conversationId}:${n}${action ? `:${action}` : ''}`
}

/** The action of a stored system message, if it carries one. */
export function autoReplyActionOf(
  message: Pick<Message, 'authorKind' | 'clientId'>,
): AutoReplyAction | undefined {
  if (message.authorKind !== 'system' || !message.clientId.startsWith('auto:')) return undefined
  return message.clientId.endsWith(':callback') ? 'callback' : undefined
}

export function sentAutoReplyOf(message: Message): SentAutoReply | undefined {
  if (message.authorKind !== 'system') return undefined
  const [prefix, kind] = message.clientId.split(':')
  if (prefix !== 'auto') return undefined
  const known = KINDS.find((k) => k === kind)
  return known ? { kind: known, at: message.createdAt } : undefined
}
