/**
 * Lead → HubSpot contact properties (HubSpot CRM API v3 "Contacts": default properties email,
 * firstname, lastname, phone, lifecyclestage, hs_lead_status, hubspot_owner_id, message). HubSpot
 * dedupes contacts by e-mail, so a returning visitor maps to their existing contact.
 */
import { leadDetails, splitName } from '../lead-text.ts'
import type { CreateLeadContext, Lead } from '../types.ts'

export function contactProperties(
  lead: Lead,
  ctx: CreateLeadContext = {},
  leadIdProperty?: string,
): Record<string, string> {
  const { first, last } = splitName(lead.contact.name)
  const properties: Record<string, string> = {
    lifecyclestage: 'lead',
    hs_lead_status: 'NEW',
    message: leadDetails(lead, ctx.conversationUrl),
  }
  if (lead.contact.email) properties.email = lead.contact.email
  if (first) properties.firstname = first
  if (last) properties.lastname = last
  if (lead.contact.phone) properties.phone = lead.contact.phone
  if (lead.responsibleCrmUserId) properties.hubspot_owner_id = lead.responsibleCrmUserId
  if (leadIdProperty) properties[leadIdProperty] = lead.id
  return properties
}

/** HubSpot's 409 names the contact it matched: "Contact already exists. Existing ID: 123". */
export function existingContactId(message: unknown): string | undefined {
  return typeof message === 'string' ? /Existing ID: (\d+)/.exec(message)?.[1] : undefined
}

const NOTE_BODY_LIMIT = 65_536

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** `hs_note_body` is rich text limited to 65,536 characters (HubSpot "Notes"); line breaks become <br>. */
export function noteBody(text: string): string {
  const html = escapeHtml(text).replace(/\r?\n/g, '<br>')
  if (html.length <= NOTE_BODY_LIMIT) return html
  return `${html.slice(0, NOTE_BODY_LIMIT - 1).replace(/&[a-z]*$|<b?r?$/, '')}…`
}
