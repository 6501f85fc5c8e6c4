import type { WireConversation } from '../../server/protocol/messages.ts'

/** Visitors are anonymous until they give a name: a stable short label tells them apart. */
export function visitorLabel(c: Pick<WireConversation, 'visitorName' | 'visitorId'>): string {
  return c.visitorName ?? `Visitor ${c.visitorId.slice(-4).toUpperCase()}`
}

export function preview(c: WireConversation): string {
  const m = c.lastMessage
  if (!m) return 'No messages yet'
  const prefix = m.authorKind === 'operator' ? `${m.authorName ?? 'Operator'}: ` : ''
  const text = m.body.replace(/\s+/g, ' ').trim()
  return prefix + (text.length > 90 ? `${text.slice(0, 89)}…` : text)
}
