/**
 * The CRM adapter layer (issue "Leads to CRM through a durable outbox"): every chat, callback and
 * form becomes a `Lead` that one `CrmAdapter` forwards to the business's CRM. The outbox relay
 * (server/outbox) calls these adapters and owns ordering, backoff, pacing and the look-up before a
 * retry; the adapters only translate one call into the vendor's documented requests and classify
 * failures.
 */
import type { AuthorKind } from '../protocol/messages.ts'

export type LeadKind = 'chat' | 'callback' | 'form'

export interface LeadUtm {
  source?: string
  medium?: string
  campaign?: string
  term?: string
  content?: string
}

export interface Lead {
  /** Openline's lead id: stable across retries, so it is what every adapter deduplicates on. */
  id: string
  kind: LeadKind
  title: string
  contact: { name?: string; phone?: string; email?: string; externalId?: string }
  source: { widgetId?: string; lineId?: string; pageUrl?: string; referrer?: string; utm?: LeadUtm }
  comment?: string
  /** Form answers, label → value. */
  fields?: Record<string, string>
  /** The CRM's own user id of the operator who should own the lead. */
  responsibleCrmUserId?: string
  createdAt: number
}

export interface TranscriptMessage {
  author: AuthorKind
  name?: string
  text: string
  at: number
}

export interface Transcript {
  /** The conversation rendered as plain text; adapters fall back to rendering `messages`. */
  text: string
  messages: TranscriptMessage[]
  /** Link to the conversation in the Openline console, shown next to the transcript. */
  conversationUrl?: string
}

export interface CreateLeadContext {
  /** Link to the conversation in the Openline console, written where the CRM shows the lead's notes. */
  conversationUrl?: string
}

export interface CreatedLead {
  crmId: string
  /** True when the CRM matched an existing record (HubSpot contact by e-mail, Kommo duplicate control). */
  existing: boolean
}

export type CrmKind = 'bitrix24' | 'amocrm' | 'hubspot' | 'webhook' | 'tryton'

export interface CrmAdapter {
  readonly kind: CrmKind
  /** The vendor's documented request rate; the relay paces calls with it (see `pacedHttp`). */
  readonly rateLimit?: { perSecond: number }
  /** One request to the CRM. Throws `CrmError`. */
  createLead(lead: Lead, ctx?: CreateLeadContext): Promise<CreatedLead>
  /**
   * Adds one note/comment to the record: for Kommo and HubSpot it also carries the lead's details
   * (page, UTM, comment, form answers), so the relay calls it for callbacks and forms too, with an
   * empty transcript.
   */
  attachTranscript(crmId: string, lead: Lead, transcript: Transcript): Promise<void>
  /**
   * Finds the record a previous, ambiguous `createLead` may have made, so a retry does not
   * duplicate it. `lead` lets adapters that search by contact (HubSpot by e-mail) do so. The
   * webhook adapter answers null: its retries carry the same `webhook-id`, which receivers dedupe on.
   */
  findLeadByOpenlineId(leadId: string, lead?: Lead): Promise<string | null>
  updateResponsible?(crmId: string, crmUserId: string): Promise<void>
  /** Checks the credentials with a harmless request; throws `CrmError` with a message for the admin. */
  test(): Promise<void>
}
