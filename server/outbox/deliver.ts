/**
 * One delivery attempt (issue 6, items 1–3): build the lead from what is stored now, decide between
 * a new lead, a note on a recognised client's record, or resuming an earlier attempt, look the
 * record up first when the last attempt may have reached the CRM, and record the CRM id as soon as
 * it is known so no later failure can make a second record.
 */

import { leadDetails } from '../crm/lead-text.ts'
import type { CrmAdapter, Lead, LeadKind, Transcript } from '../crm/types.ts'
import { applyFieldMap } from '../crm-connections/field-map.ts'
import type { ChatLeadSource } from '../leads/chat-lead-source.ts'
import { contactKeys, planFollowUp, planLead, toLead } from '../leads/lead-rules.ts'
import type { LeadDraft, LeadSource } from '../leads/lead-source.ts'
import type { StoredCrmConnection } from '../store/crm-connection-types.ts'
import type { CrmDelivery, OutboxStore } from '../store/outbox-types.ts'
import type { Store } from '../store/types.ts'

export type DeliveryOutcome =
  | { kind: 'delivered'; crmId: string | null }
  | { kind: 'wait'; until: number }
  | { kind: 'failed'; error: unknown }

export interface DeliverDeps {
  store: Pick<OutboxStore, 'findContactLink' | 'saveContactLinks' | 'findDelivery'> &
    Pick<Store, 'getConversation'>
  connection: StoredCrmConnection
  adapter: CrmAdapter
  sources: Partial<Record<LeadKind, LeadSource>>
  chat: ChatLeadSource
  now(): number
  /** Persists the CRM id mid-delivery (the delivery stays claimed). */
  recordCrmId(crmId: string): Promise<void>
  /** How long a close or transfer waits for its lead before looking again. */
  followUpWaitMs: number
}

const EMPTY_TRANSCRIPT: Transcript = { text: '', messages: [] }

/** Kommo and HubSpot keep a lead's details (page, UTM, answers) in the note (server/crm/types.ts). */
const DETAILS_IN_NOTE = new Set(['amocrm', 'hubspot'])

/**
 * The lead as this connection gets it: its operator → CRM user map picks the responsible person,
 * its field map renames the form answers (issue 6, items 1 and 5).
 */
function leadFor(draft: LeadDraft, id: string, connection: StoredCrmConnection): Lead {
  return applyFieldMap(toLead(draft, id, connection.userMap), connection.fieldMap)
}

export async function deliver(delivery: CrmDelivery, deps: DeliverDeps): Promise<DeliveryOutcome> {
  try {
    if (delivery.topic.startsWith('lead.')) return await deliverLead(delivery, deps)
    return await deliverFollowUp(delivery, deps)
  } catch (error) {
    return { kind: 'failed', error }
  }
}

async function deliverLead(delivery: CrmDelivery, deps: DeliverDeps): Promise<DeliveryOutcome> {
  const { adapter, connection, store } = deps
  const kind = delivery.topic.slice('lead.'.length) as LeadKind
  const source = kind === 'chat' ? deps.chat : deps.sources[kind]
  if (!source) throw new Error(`no lead source for ${kind} on this server`)
  const draft = await source.build(delivery.workspaceId, delivery.subjectId)
  if (!draft) return { kind: 'delivered', crmId: null }
  const lead = leadFor(draft, delivery.id, connection)
  const keys = contactKeys(lead.contact)
  // A webhook receiver wants every event as it happened; "recognised client" is a CRM notion. A
  // connection whose lead rules say "new lead" for a recognised client never looks (issue 6, item 1).
  const recognisedClient = connection.leadRules.recognisedClient
  const linked =
    adapter.kind === 'webhook' || recognisedClient === 'new-lead'
      ? undefined
      : await store.findContactLink(connection.id, keys)
  const plan = planLead({
    deliveryCrmId: delivery.crmId,
    linkedCrmId: linked,
    ambiguous: delivery.ambiguous,
    recognisedClient,
  })

  let crmId: string
  if (plan.action === 'resume' || plan.action === 'note') {
    crmId = plan.crmId
  } else {
    const found = plan.action === 'lookup' ? await adapter.findLeadByOpenlineId(lead.id, lead) : null
    crmId = found ?? (await adapter.createLead(lead, conversationContext(draft.transcript))).crmId
  }
  if (crmId !== delivery.crmId) {
    await deps.recordCrmId(crmId)
    await store.saveContactLinks({
      workspaceId: delivery.workspaceId,
      connectionId: connection.id,
      contactKeys: keys,
      crmId,
      now: deps.now(),
    })
  }

  const transcript = draft.transcript
  if (plan.action === 'note') {
    await adapter.attachTranscript(crmId, lead, transcript ?? returningClientNote(lead, adapter))
  } else if (transcript || (kind !== 'chat' && DETAILS_IN_NOTE.has(adapter.kind))) {
    await adapter.attachTranscript(crmId, lead, transcript ?? EMPTY_TRANSCRIPT)
  }
  return { kind: 'delivered', crmId }
}

/**
 * What a recognised client's record gets instead of a second lead. Kommo and HubSpot render the
 * lead's details into every note themselves; the others get them as the note's text.
 */
function returningClientNote(lead: Lead, adapter: CrmAdapter): Transcript {
  if (DETAILS_IN_NOTE.has(adapter.kind)) return EMPTY_TRANSCRIPT
  return { text: `Returning client: ${lead.title}\n${leadDetails(lead)}`, messages: [] }
}

function conversationContext(transcript: Transcript | undefined) {
  return transcript?.conversationUrl ? { conversationUrl: transcript.conversationUrl } : {}
}

async function deliverFollowUp(delivery: CrmDelivery, deps: DeliverDeps): Promise<DeliveryOutcome> {
  const { adapter, connection, store } = deps
  const now = deps.now()
  const leadDelivery = await store.findDelivery(connection.id, 'lead.chat', delivery.subjectId)
  const plan = planFollowUp(leadDelivery, now)
  if (plan.action === 'skip') return { kind: 'delivered', crmId: null }
  if (plan.action === 'wait') return { kind: 'wait', until: Math.max(plan.until, now + deps.followUpWaitMs) }
  if (plan.action === 'fail') throw new Error(plan.reason)

  if (delivery.topic === 'conversation.closed') {
    const transcript = await deps.chat.transcript(delivery.workspaceId, delivery.subjectId)
    if (!transcript) return { kind: 'delivered', crmId: null }
    const draft = await deps.chat.build(delivery.workspaceId, delivery.subjectId)
    const lead: Lead = draft
      ? leadFor(draft, plan.leadId, connection)
      : { id: plan.leadId, kind: 'chat', title: 'Chat', contact: {}, source: {}, createdAt: now }
    await adapter.attachTranscript(plan.crmId, lead, transcript)
    return { kind: 'delivered', crmId: plan.crmId }
  }

  // conversation.transferred / conversation.assigned: the responsible person, where the CRM has one
  // (issue 6, item 1); both read who is assigned now, so a late or repeated event is harmless
  if (!adapter.updateResponsible) return { kind: 'delivered', crmId: null }
  const conversation = await store.getConversation(delivery.workspaceId, delivery.subjectId)
  const crmUser = conversation?.assigneeId ? connection.userMap[conversation.assigneeId] : undefined
  if (!crmUser) return { kind: 'delivered', crmId: null }
  await adapter.updateResponsible(plan.crmId, crmUser)
  return { kind: 'delivered', crmId: plan.crmId }
}
