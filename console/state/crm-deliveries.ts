/** How the delivery log (contract C4) reads to an admin (issue "Leads to CRM", items 2 and 5). */
import type { CrmDelivery, DeliveryStatus } from '../api/index.ts'
import type { MessageKey } from '../i18n/en.ts'
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'

const DELIVERY_STATUS_KEYS: Record<DeliveryStatus, MessageKey> = {
  pending: 'crmDeliveries.pending',
  delivered: 'crmDeliveries.delivered',
  dead: 'crmDeliveries.dead',
}

export function deliveryStatusLabel(status: DeliveryStatus, t: Translate = ENGLISH.t): string {
  return t(DELIVERY_STATUS_KEYS[status])
}

const TOPIC_KEYS: Record<string, MessageKey> = {
  'lead.chat': 'crmDeliveries.topicChat',
  'lead.callback': 'crmDeliveries.topicCallback',
  'lead.form': 'crmDeliveries.topicForm',
  'conversation.closed': 'crmDeliveries.topicTranscript',
  'conversation.transferred': 'crmDeliveries.topicTransfer',
  'conversation.assigned': 'crmDeliveries.topicAssignment',
}

export function topicLabel(topic: string, t: Translate = ENGLISH.t): string {
  const key = TOPIC_KEYS[topic]
  return key ? t(key) : topic
}

/** "in 5 min", "now", "—"; the absolute time goes into the title/datetime attribute. */
export function nextAttemptText(
  delivery: Pick<CrmDelivery, 'status' | 'nextAttemptAt'>,
  now: number,
  t: Translate = ENGLISH.t,
): string {
  if (delivery.status !== 'pending' || delivery.nextAttemptAt === null) return '—'
  const ms = delivery.nextAttemptAt - now
  if (ms <= 30_000) return t('crmDeliveries.now')
  const minutes = Math.round(ms / 60_000)
  if (minutes < 60) return t('crmDeliveries.in', { time: t('time.minutes', { count: minutes }) })
  const hours = Math.round(minutes / 60)
  if (hours < 48) return t('crmDeliveries.in', { time: t('time.hours', { count: hours }) })
  return t('crmDeliveries.inDays', { count: Math.round(hours / 24) })
}
/** Replaces one row after a replay, keeping the order. */
export function replaceDelivery(list: CrmDelivery[], updated: CrmDelivery): CrmDelivery[] {
  return list.map((item) => (item.id === updated.id ? updated : item))
}
