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

/** How one connection stands for one conversation (issue 6, item 2), from its deliveries. */
export interface CrmStatusLine {
  connectionId: string
  /** Null when the connection was removed since. */
  connectionName: string | null
  /** failed: something is dead-lettered; waiting: something is pending; skipped: nothing was sent. */
  state: 'delivered' | 'waiting' | 'failed' | 'skipped'
  lastError: string | null
}

const STATE_ORDER = { failed: 0, waiting: 1, delivered: 2, skipped: 3 } as const

/**
 * One line per connection: the worst of its deliveries for the subject (its lead, transcript,
 * transfers) — failed before waiting before delivered. All delivered without a CRM record (the
 * rules sent the lead elsewhere, or it had nothing to send) is "skipped". Failed and waiting carry
 * the newest error.
 */
export function crmStatusLines(deliveries: readonly CrmDelivery[]): CrmStatusLine[] {
  const byConnection = new Map<string, CrmDelivery[]>()
  for (const d of deliveries)
    byConnection.set(d.connectionId, [...(byConnection.get(d.connectionId) ?? []), d])
  const lines: CrmStatusLine[] = []
  for (const [connectionId, list] of byConnection) {
    const newestFirst = [...list].sort((a, b) => b.createdAt - a.createdAt)
    const dead = newestFirst.find((d) => d.status === 'dead')
    const pending = newestFirst.find((d) => d.status === 'pending')
    const state = dead ? 'failed' : pending ? 'waiting' : list.some((d) => d.crmId) ? 'delivered' : 'skipped'
    lines.push({
      connectionId,
      connectionName: list[0]?.connectionName ?? null,
      state,
      lastError: (dead ?? pending)?.lastError ?? null,
    })
  }
  return lines.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (a.connectionName ?? '').localeCompare(b.connectionName ?? ''),
  )
}
