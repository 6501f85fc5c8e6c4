/**
 * Lead → one element of `POST /api/v4/leads/complex` (Kommo API v4: "Complex addition of leads
 * with contact and company", "Custom fields": values by `field_code`, multitext PHONE/EMAIL with
 * `enum_code`, tracking fields UTM_*). `request_id` is echoed back but not stored, so the lead's
 * name carries the Openline id: `GET /api/v4/leads?query=<id>` finds it after an ambiguous failure.
 */
import { splitName } from '../lead-text.ts'
import type { Lead, LeadUtm } from '../types.ts'

export interface AmoLeadOptions {
  pipelineId?: number
  statusId?: number
  /** Extra tags next to "openline" and the lead kind. */
  tags?: string[]
  /** Write utm_* into the account's tracking fields (present in Kommo accounts by default). */
  trackingFields?: boolean
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

export function complexLead(lead: Lead, options: AmoLeadOptions = {}): Record<string, unknown> {
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
    },
  }
}
