/**
 * Lead → `crm.lead.add` fields (Bitrix24 REST: "crm.lead.add", "crm.lead.fields"; multi-fields
 * PHONE/EMAIL as [{ VALUE, VALUE_TYPE }]; ORIGINATOR_ID/ORIGIN_ID identify the record in the
 * external system, which is what `crm.lead.list` finds again after an ambiguous failure).
 */
import { leadDetails, sourceLine } from '../lead-text.ts'
import type { CreateLeadContext, Lead, LeadKind } from '../types.ts'

export const ORIGINATOR_ID = 'openline'

/** Standard source ids of a Bitrix24 portal ("crm.status.list" with ENTITY_ID=SOURCE). */
export const SOURCE_ID: Record<LeadKind, string> = { chat: 'WEB', callback: 'CALLBACK', form: 'WEBFORM' }

/** Bitrix24 ids are integers; passing them as numbers matches the documented examples. */
export function bitrixId(id: string): number | string {
  return /^\d+$/.test(id) ? Number(id) : id
}

/** A Bitrix24 lead user field code, as "crm.lead.userfield.add" makes them. */
const USER_FIELD = /^UF_CRM_[A-Z0-9_]+$/

export function leadFields(lead: Lead, ctx: CreateLeadContext = {}): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    TITLE: lead.title,
    SOURCE_ID: SOURCE_ID[lead.kind],
    SOURCE_DESCRIPTION: sourceLine(lead),
    COMMENTS: leadDetails(lead, ctx.conversationUrl),
    ORIGINATOR_ID,
    ORIGIN_ID: lead.id,
    OPENED: 'Y',
  }
  const { name, phone, email } = lead.contact
  if (name) fields.NAME = name
  if (phone) fields.PHONE = [{ VALUE: phone, VALUE_TYPE: 'WORK' }]
  if (email) fields.EMAIL = [{ VALUE: email, VALUE_TYPE: 'WORK' }]
  const utm = lead.source.utm ?? {}
  if (utm.source) fields.UTM_SOURCE = utm.source
  if (utm.medium) fields.UTM_MEDIUM = utm.medium
  if (utm.campaign) fields.UTM_CAMPAIGN = utm.campaign
  if (utm.content) fields.UTM_CONTENT = utm.content
  if (utm.term) fields.UTM_TERM = utm.term
  if (lead.responsibleCrmUserId) fields.ASSIGNED_BY_ID = bitrixId(lead.responsibleCrmUserId)
  // A form answer the connection's field map renamed to a portal's own lead field ("crm.lead.fields":
  // user fields are UF_CRM_<code>) is written there too; it also stays in COMMENTS (issue 6, item 5).
  for (const [name, value] of Object.entries(lead.fields ?? {})) {
    if (USER_FIELD.test(name)) fields[name] = value
  }
  return fields
}
