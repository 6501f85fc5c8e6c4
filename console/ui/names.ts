import type { WireConversation } from '../../server/protocol/messages.ts'
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'

/** Visitors are anonymous until they give a name: a stable short label tells them apart. */
export function visitorLabel(
  c: Pick<WireConversation, 'visitorName' | 'visitorId'>,
  t: Translate = ENGLISH.t,
): string {
  return c.visitorName ?? t('names.visitor', { id: c.visitorId.slice(-4).toUpperCase() })
}

export function preview(c: WireConversation, t: Translate = ENGLISH.t): string {
  const m = c.lastMessage
  if (!m) return t('names.noMessagesYet')
  const prefix = m.authorKind === 'operator' ? `${m.authorName ?? t('names.operator')}: ` : ''
  // Issue 5, item 4: a message of files alone previews as their names.
  const files = m.attachments?.map((f) => `📎 ${f.name}`).join(', ') ?? ''
  const text = (m.body || files).replace(/\s+/g, ' ').trim()
  return prefix + (text.length > 90 ? `${text.slice(0, 89)}…` : text)
}
