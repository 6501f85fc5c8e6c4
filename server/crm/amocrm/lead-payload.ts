/**
 * Lead → one element of `POST /api/v4/leads/complex` (Kommo API v4: "Complex addition of leads
 * with contact and company", "Custom fields": values by `field_code`, multitext PHONE/EMAIL with
 * `enum_code`, tracking fields UTM_*). `request_id` is echoed back but not stored, so the lead's
 * name carries the Openline id: `GET /api/v4/leads?query=<id>` finds it after an ambiguous failure.
 *
 * Duplicate control (issue 6, item 4): Kommo checks leads added through leads/complex against the
 * account's duplicate-control rules only when the lead carries `_embedded.metadata` (Kommo API:
 * "Complex addition of leads", "Metadata objects description"; the data "participates in duplicate
 * control if the option is enabled for the integration"). Openline sends it, category "forms", when
 * the connection asks for it; a duplicate is answered with the existing lead and `merged: true`.
 */
import { splitName } from '../lead-text.ts'
import type { CreateLeadContext, Lead, LeadKind, LeadUtm } from '../types.ts'

export interface AmoLeadOptions {
  pipelineId?: number
  statusId?: number
  /** Extra tags next to "openline" and the lead kind. */
  tags?: string[]
  /** Write utm_* into the account's tracking fields (present in Kommo accounts by default). */
  trackingFields?: boolean
  /**
   * Send Kommo's duplicate-control metadata (issue 6, item 4). Off by default: Kommo then treats the
   * lead as an incoming lead, so a stage other than Incoming leads is ignored.
   */
  duplicateControl?: boolean
}

/** How the three sources read in Kommo's duplicate control ("form" = the Openline source). */
const FORM_NAMES: Record<LeadKind, string> = {
  chat: 'Openline chat',
  callback: 'Openline callback request',
  form: 'Openline web form',
}

/**
 * `_embedded.metadata` of a complex lead, category "forms": `form_id` (the integration's form id —
 * one per Openline source), `form_name`, `form_page` (the page the visitor was on; the conversation
 * link when there is none), `form_sent_at` (Unix seconds) and, when known, `referer`.
 */
export function formsMetadata(lead: Lead, ctx: CreateLeadContext = {}): Record<string, unknown> {
  return {
    category: 'forms',
    form_id: `openline-${lead.kind}`,
    form_name: FORM_NAMES[lead.kind],
    form_page: lead.source.pageUrl ?? ctx.conversationUrl ?? '',
    form_sent_at: Math.floor(lead.createdAt / 1000),
    ...(lead.source.referrer ? { referer: lead.source.referrer } : {}),
  }
}

const TRACKING_CODES: Record<keyof LeadUtm, string> = {
  source: 'UTM_SOURCE',
  medium: 'UTM_MEDIUM',
  campaign: 'UTM_CAMPAIGN',
  term: 'UTM_TERM',
  content: 'UTM_CONTENT',
}

export function leadNameSuffix(leadId: string): string {
  return ` · ${leadId}`
}

export function leadName(lead: Lead): string {
  return `${lead.title}${leadNameSuffix(lead.id)}`
}

export function amoNumber(id: string | undefined): number | undefined {
  return id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined
}

type FieldValue = { field_code: string; values: Array<{ value: string; enum_code?: string }> }

function contactFields(lead: Lead): FieldValue[] {
  const fields: FieldValue[] = []
  if (lead.contact.phone)
    fields.push({ field_code: 'PHONE', values: [{ value: lead.contact.phone, enum_code: 'WORK' }] })
  if (lead.contact.email)
    fields.push({ field_code: 'EMAIL', values: [{ value: lead.contact.email, enum_code: 'WORK' }] })
  return fields
}

function contact(lead: Lead): Record<string, unknown> | undefined {
  const { name, phone, email } = lead.contact
  if (!name && !phone && !email) return undefined
  const { first, last } = splitName(name)
  return {
    name: name ?? phone ?? email,
    ...(first ? { first_name: first } : {}),
    ...(last ? { last_name: last } : {}),
    custom_fields_values: contactFields(lead),
  }
}

export function complexLead(
  lead: Lead,
  options: AmoLeadOptions = {},
  ctx: CreateLeadContext = {},
): Record<string, unknown> {
  const utm = lead.source.utm ?? {}
  const tracking: FieldValue[] =
    options.trackingFields === false
      ? []
      : (Object.keys(TRACKING_CODES) as Array<keyof LeadUtm>)
          .filter((key) => utm[key])
          .map((key) => ({ field_code: TRACKING_CODES[key], values: [{ value: utm[key] as string }] }))
  const responsible = amoNumber(lead.responsibleCrmUserId)
  const person = contact(lead)
  return {
    name: leadName(lead),
    request_id: lead.id,
    ...(responsible !== undefined ? { responsible_user_id: responsible } : {}),
    ...(options.pipelineId !== undefined ? { pipeline_id: options.pipelineId } : {}),
    ...(options.statusId !== undefined ? { status_id: options.statusId } : {}),
    ...(tracking.length > 0 ? { custom_fields_values: tracking } : {}),
    _embedded: {
      tags: ['openline', lead.kind, ...(options.tags ?? [])].map((name) => ({ name })),
      ...(person ? { contacts: [person] } : {}),
      ...(options.duplicateControl ? { metadata: formsMetadata(lead, ctx) } : {}),
    },
  }
}
