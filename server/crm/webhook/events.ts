/**
 * Openline's webhook events, in the Standard Webhooks payload shape `{ type, timestamp, data }`.
 * The event id is derived from the event type and the lead id, so every retry of one event carries
 * the same `webhook-id` and receivers can dedupe on it; the body is stable across retries too.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { CreateLeadContext, Lead, LeadKind, Transcript } from '../types.ts'

export type WebhookEventType =
  | 'lead.created'
  | 'callback.requested'
  | 'form.submitted'
  | 'conversation.closed'
  | 'webhook.test'

export const LEAD_EVENT: Record<LeadKind, WebhookEventType> = {
  chat: 'lead.created',
  callback: 'callback.requested',
  form: 'form.submitted',
}

export interface WebhookEvent {
  id: string
  type: WebhookEventType
  body: string
}

export function eventId(type: WebhookEventType, leadId: string): string {
  return `msg_${createHash('sha256').update(`${type}:${leadId}`).digest('hex').slice(0, 32)}`
}

function event(type: WebhookEventType, id: string, at: number, data: Record<string, unknown>): WebhookEvent {
  return { id, type, body: JSON.stringify({ type, timestamp: new Date(at).toISOString(), data }) }
}

export function leadEvent(lead: Lead, ctx: CreateLeadContext = {}): WebhookEvent {
  const type = LEAD_EVENT[lead.kind]
  return event(type, eventId(type, lead.id), lead.createdAt, {
    lead,
    ...(ctx.conversationUrl ? { conversationUrl: ctx.conversationUrl } : {}),
  })
}

export function transcriptEvent(crmId: string, lead: Lead, transcript: Transcript): WebhookEvent {
  const closedAt = transcript.messages.at(-1)?.at ?? lead.createdAt
  return event('conversation.closed', eventId('conversation.closed', lead.id), closedAt, {
    leadId: lead.id,
    crmId,
    lead,
    transcript,
  })
}

export function testEvent(now: number): WebhookEvent {
  return event('webhook.test', `msg_test_${randomUUID()}`, now, { message: 'Openline test event' })
}
