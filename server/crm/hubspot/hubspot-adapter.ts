/**
 * HubSpot CRM API v3 with a private app access token (HubSpot: "Private apps", "Contacts",
 * "Notes", "Search the CRM", "Associations v4" default type 202 = note → contact). A lead is a
 * contact with lifecyclestage "lead"; its details and transcript are one note on that contact.
 */
import { CrmError } from '../crm-error.ts'
import { fetchHttp, type HttpFn, type HttpMethod, isRecord, parseJson, send } from '../http/index.ts'
import { noteText } from '../lead-text.ts'
import type { CrmAdapter } from '../types.ts'
import { contactProperties, existingContactId, noteBody } from './contact-properties.ts'
import { hubspotError } from './hubspot-errors.ts'

export interface HubSpotOptions {
  token: string
  baseUrl?: string
  /**
   * A single-line text contact property created in HubSpot to hold Openline's lead id. Without it
   * the look-up after an ambiguous failure can only search by e-mail.
   */
  leadIdProperty?: string
  http?: HttpFn
  timeoutMs?: number
  now?: () => number
}

export type HubSpotAdapter = CrmAdapter &
  Required<Pick<CrmAdapter, 'updateResponsible'>> & {
    readonly kind: 'hubspot'
    readonly rateLimit: { perSecond: number }
  }

/** Note → contact, HUBSPOT_DEFINED (HubSpot "Associations v4: association type ids"). */
const NOTE_TO_CONTACT = 202

export function createHubSpotAdapter(options: HubSpotOptions): HubSpotAdapter {
  const secrets = [options.token]
  const origin = new URL(options.baseUrl ?? 'https://api.hubapi.com').origin
  const http = options.http ?? fetchHttp
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? 15_000

  async function request(
    method: HttpMethod,
    path: string,
    body: unknown,
    { idempotent = method === 'GET', accept = [] as number[] } = {},
  ): Promise<{ status: number; json: unknown }> {
    const label = `${method} ${path.split('?')[0]}`
    const response = await send(
      http,
      {
        method,
        url: `${origin}${path}`,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        timeoutMs,
      },
      { crm: 'hubspot', label: `HubSpot ${label}`, secrets, idempotent },
    )
    const json = parseJson(response.body)
    if ((response.status >= 200 && response.status < 300) || accept.includes(response.status)) {
      return { status: response.status, json }
    }
    throw hubspotError(response, json, { label, method, idempotent, secrets, now: now() })
  }

  const unexpected = (label: string, ambiguous: boolean) =>
    new CrmError(
      {
        crm: 'hubspot',
        code: 'unexpected_response',
        retryable: true,
        ambiguous,
        message: `HubSpot ${label} answered with an unexpected body`,
      },
      secrets,
    )

  async function searchOne(propertyName: string, value: string): Promise<string | null> {
    const { json } = await request(
      'POST',
      '/crm/v3/objects/contacts/search',
      {
        filterGroups: [{ filters: [{ propertyName, operator: 'EQ', value }] }],
        properties: ['email'],
        limit: 1,
      },
      { idempotent: true },
    )
    if (!isRecord(json) || !Array.isArray(json.results)) throw unexpected('contacts search', false)
    const first: unknown = json.results[0]
    return isRecord(first) && first.id !== undefined ? String(first.id) : null
  }

  return {
    kind: 'hubspot',
    // Private apps get 100 requests per 10 s on most plans ("API usage details").
    rateLimit: { perSecond: 10 },

    async createLead(lead, ctx = {}) {
      const properties = contactProperties(lead, ctx, options.leadIdProperty)
      const { status, json } = await request(
        'POST',
        '/crm/v3/objects/contacts',
        { properties },
        { accept: [409] },
      )
      if (status === 409) {
        const existing = existingContactId(isRecord(json) ? json.message : undefined)
        if (existing) return { crmId: existing, existing: true }
        throw new CrmError(
          {
            crm: 'hubspot',
            code: 'conflict',
            retryable: false,
            status,
            message: 'HubSpot reported a conflicting contact without its id',
          },
          secrets,
        )
      }
      if (!isRecord(json) || json.id === undefined) throw unexpected('POST /crm/v3/objects/contacts', true)
      return { crmId: String(json.id), existing: false }
    },

    async findLeadByOpenlineId(leadId, lead) {
      if (options.leadIdProperty) return searchOne(options.leadIdProperty, leadId)
      // HubSpot lets one contact exist per e-mail, so that contact is the lead's record.
      if (lead?.contact.email) return searchOne('email', lead.contact.email)
      return null
    },

    async attachTranscript(crmId, lead, transcript) {
      await request('POST', '/crm/v3/objects/notes', {
        properties: {
          hs_timestamp: new Date(now()).toISOString(),
          hs_note_body: noteBody(noteText(lead, transcript)),
          ...(lead.responsibleCrmUserId ? { hubspot_owner_id: lead.responsibleCrmUserId } : {}),
        },
        associations: [
          {
            to: { id: crmId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_CONTACT }],
          },
        ],
      })
    },

    async updateResponsible(crmId, crmUserId) {
      await request('PATCH', `/crm/v3/objects/contacts/${encodeURIComponent(crmId)}`, {
        properties: { hubspot_owner_id: crmUserId },
      })
    },

    async test() {
      await request('GET', '/crm/v3/objects/contacts?limit=1', undefined)
    },
  }
}
