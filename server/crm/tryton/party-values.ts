/**
 * Lead → Tryton values (trytond 6.0 modules party and sale_opportunity). Pure functions: the
 * domains that find the visitor's party and the values that create it and the opportunity.
 */
import { leadDetails } from '../lead-text.ts'
import type { CreateLeadContext, Lead } from '../types.ts'

export type Domain = unknown[]

/** Tryton's `ilike` treats % and _ as wildcards; `\` escapes them (trytond's default escape). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`)
}

/** What trytond stores as `value_compact` for a phone without the phonenumbers library: digits and a leading +. */
export function compactPhone(phone: string): string {
  const trimmed = phone.trim()
  return `${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`
}

/**
 * The visitor's existing party: by e-mail (case-insensitive) when the lead has one, otherwise by
 * phone. Phone numbers are only a fallback because many leads share an office number, while an
 * e-mail address names one person.
 */
export function partyLookupDomain(lead: Lead): Domain | null {
  const email = lead.contact.email?.trim()
  if (email)
    return [
      ['type', '=', 'email'],
      ['value', 'ilike', escapeLike(email)],
    ]
  const phone = lead.contact.phone?.trim()
  if (phone) {
    return [
      ['type', 'in', ['phone', 'mobile']],
      ['OR', ['value', '=', phone], ['value_compact', '=', compactPhone(phone)]],
    ]
  }
  return null
}

export function partyValues(lead: Lead): Record<string, unknown> {
  const email = lead.contact.email?.trim()
  const phone = lead.contact.phone?.trim()
  const name = lead.contact.name?.trim() || email || phone || 'Website visitor'
  const mechanisms = [
    ...(email ? [{ type: 'email', value: email }] : []),
    ...(phone ? [{ type: 'phone', value: phone }] : []),
  ]
  return {
    name,
    ...(mechanisms.length > 0 ? { contact_mechanisms: [['create', mechanisms]] } : {}),
  }
}

/** Numeric record ids only: Tryton ids are integers, anything else is a configuration mistake. */
export function recordId(value: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(value.trim()) ? Number(value.trim()) : undefined
}

/**
 * The opportunity in state "lead": the title as description, the Openline lead id in `reference`
 * (an indexed char field the module leaves to the user, so the look-up is one search) and the
 * lead's details in `comment`. `employee` is the owner; its id comes from the connection settings.
 */
export function opportunityValues(
  lead: Lead,
  party: number,
  ctx: CreateLeadContext = {},
): Record<string, unknown> {
  const employee = lead.responsibleCrmUserId ? recordId(lead.responsibleCrmUserId) : undefined
  return {
    party,
    description: lead.title,
    reference: lead.id,
    comment: leadDetails(lead, ctx.conversationUrl),
    ...(employee !== undefined ? { employee } : {}),
  }
}
