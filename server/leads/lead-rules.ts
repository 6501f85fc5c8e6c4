/**
 * Lead rules (issue 6, item 1), pure. Which record a delivery writes to, and how a recognised
 * client is told apart from a new one: the same phone, e-mail or identified id — across chat,
 * callback and form — maps to the CRM record the first lead made on that connection.
 */
import type { Lead } from '../crm/types.ts'
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
}): LeadPlan {
  if (input.deliveryCrmId) return { action: 'resume', crmId: input.deliveryCrmId }
  if (input.linkedCrmId) return { action: 'note', crmId: input.linkedCrmId }
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
