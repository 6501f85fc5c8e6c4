import type { WireCallback } from '../protocol/messages.ts'
import type { Callback } from '../store/callback-types.ts'

/** The operator-facing shape of a callback (HTTP and `callback.*` frames alike). */
export function toWireCallback(c: Callback): WireCallback {
  return {
    id: c.id,
    lineId: c.lineId,
    widgetId: c.widgetId,
    visitorId: c.visitorId,
    name: c.name,
    phone: c.phone,
    topic: c.topic,
    preferred: c.preferred,
    dueAt: c.dueAt,
    status: c.status,
    assigneeId: c.assigneeId,
    consentText: c.consentText,
    consentAt: c.consentAt,
    locale: c.locale,
    visitorTimeZone: c.visitorTimeZone,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    extra: Object.fromEntries(Object.entries(c.extra).filter(([, v]) => typeof v === 'string')) as Record<
      string,
      string
    >,
  }
}
