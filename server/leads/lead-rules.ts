/**
 * Lead rules (issue 6, item 1), pure. Which record a delivery writes to, and how a recognised
 * client is told apart from a new one: the same phone, e-mail or identified id — across chat,
 * callback and form — maps to the CRM record the first lead made on that connection.
 */
import type { Lead, LeadKind } from '../crm/types.ts'
import type { OutboxTopic } from '../store/outbox-types.ts'
import type { LeadRules, RecognisedClientMode } from './lead-rules-schema.ts'
import type { LeadDraft } from './lead-source.ts'

type Contact = Lead['contact']

/** Digits only, so "+7 (999) 123-45-67" and "+79991234567" are one client; too short = no key. */
export function phoneKey(phone: string | undefined): string | undefined {
  const digits = phone?.replace(/\D/g, '') ?? ''
  return digits.length >= 6 ? `phone:${digits}` : undefined
}

export function emailKey(email: string | undefined): string | undefined {
  const value = email?.trim().toLowerCase()
  return value?.includes('@') ? `email:${value}` : undefined
}

/** The keys a contact is recognised by, strongest first (identified id, e-mail, phone). */
export function contactKeys(contact: Contact): string[] {
  const ext = contact.externalId?.trim()
  return [ext ? `ext:${ext}` : undefined, emailKey(contact.email), phoneKey(contact.phone)].filter(
    (key): key is string => key !== undefined,
  )
}

/** A chat becomes a lead once there is a way to reach the visitor (or the site identified them). */
export function hasContactData(contact: Contact): boolean {
  return contactKeys(contact).length > 0
}

export type LeadPlan =
  /** An earlier attempt of this delivery already made the record: only the rest is left. */
  | { action: 'resume'; crmId: string }
  /** A recognised client: add a note to their record instead of a second lead. */
  | { action: 'note'; crmId: string }
  /** The last attempt may have reached the CRM: look it up by our lead id, create only if absent. */
  | { action: 'lookup' }
  | { action: 'create' }

export function planLead(input: {
  deliveryCrmId: string | null
  linkedCrmId: string | undefined
  ambiguous: boolean
  /** The connection's lead rule for a recognised client; default 'attach' (issue 6, item 1). */
  recognisedClient?: RecognisedClientMode
}): LeadPlan {
  if (input.deliveryCrmId) return { action: 'resume', crmId: input.deliveryCrmId }
  if (input.linkedCrmId && input.recognisedClient !== 'new-lead')
    return { action: 'note', crmId: input.linkedCrmId }
  return input.ambiguous ? { action: 'lookup' } : { action: 'create' }
}

/** The lead as an adapter takes it: our stable id, and the CRM user of the assigned operator. */
export function toLead(draft: LeadDraft, id: string, userMap: Record<string, string>): Lead {
  const { transcript: _transcript, assigneeOperatorId, ...rest } = draft
  const responsible = assigneeOperatorId ? userMap[assigneeOperatorId] : undefined
  return { ...rest, id, ...(responsible && { responsibleCrmUserId: responsible }) }
}

/** What a close or a transfer does, given the delivery of the chat's lead to the same connection. */
export type FollowUpPlan =
  | { action: 'apply'; crmId: string; leadId: string }
  /** The lead is still on its way: wait for it without counting an attempt. */
  | { action: 'wait'; until: number }
  /** Nothing to follow: no lead was made on this connection (connection added later, nothing sent). */
  | { action: 'skip'; reason: string }
  /** The lead is dead-lettered: fail (and eventually dead-letter) too, so a replay of both works. */
  | { action: 'fail'; reason: string }

export function planFollowUp(
  lead: { id: string; status: string; crmId: string | null; nextAttemptAt: number | null } | undefined,
  now: number,
): FollowUpPlan {
  if (!lead) return { action: 'skip', reason: 'no lead was sent to this connection' }
  if (lead.status === 'pending') return { action: 'wait', until: Math.max(now, lead.nextAttemptAt ?? now) }
  if (lead.status === 'dead') return { action: 'fail', reason: 'the lead delivery is dead-lettered' }
  if (!lead.crmId) return { action: 'skip', reason: 'the lead had nothing to send' }
  return { action: 'apply', crmId: lead.crmId, leadId: lead.id }
}

/** Where a lead came from, as the lead rules look at it; null = not known (deleted, no widget). */
export interface LeadOrigin {
  lineId: string | null
  widgetId: string | null
}

/** The lead kind of a `lead.*` topic; undefined for a close, transfer or assignment. */
export function leadKindOf(topic: OutboxTopic): LeadKind | undefined {
  return topic === 'lead.chat' || topic === 'lead.callback' || topic === 'lead.form'
    ? (topic.slice('lead.'.length) as LeadKind)
    : undefined
}

/** True when the rules restrict lines or widgets, so the lead's origin must be looked up. */
export function rulesNeedOrigin(rules: LeadRules): boolean {
  return rules.lineIds.length > 0 || rules.widgetIds.length > 0
}

/**
 * Whether a connection's lead rules let a lead of `kind` from `origin` become a lead there. A line
 * or widget list only lets through leads known to come from one of them: a form sent without a
 * widget has no line, so "only these lines" leaves it out.
 */
export function rulesTakeLead(rules: LeadRules, kind: LeadKind, origin: LeadOrigin | undefined): boolean {
  if (!rules.sources.includes(kind)) return false
  const lineId = origin?.lineId
  const widgetId = origin?.widgetId
  if (rules.lineIds.length > 0 && !(lineId && rules.lineIds.includes(lineId))) return false
  if (rules.widgetIds.length > 0 && !(widgetId && rules.widgetIds.includes(widgetId))) return false
  return true
}

/**
 * The connections an outbox event is delivered to (issue 6, item 1). A lead goes to every enabled
 * connection whose rules take it. A close, transfer or assignment goes to every enabled connection,
 * as before: it follows the chat's lead wherever one was made (`planFollowUp` skips the others), so
 * a chat transferred to a line the rules leave out still gets its transcript and responsible person.
 */
export function deliveryTargets(
  topic: OutboxTopic,
  origin: LeadOrigin | undefined,
  connections: readonly { id: string; enabled: boolean; leadRules: LeadRules }[],
): string[] {
  const kind = leadKindOf(topic)
  return connections
    .filter((c) => c.enabled && (kind === undefined || rulesTakeLead(c.leadRules, kind, origin)))
    .map((c) => c.id)
}
