/**
 * Kommo (amoCRM) API v4 with a long-lived token of a private integration (Kommo API: "Long-lived
 * token", "Leads", "Complex addition", "Events and notes", "Account"). Bodies are JSON, the token
 * goes in `Authorization: Bearer`.
 */
import { CrmError } from '../crm-error.ts'
import { fetchHttp, type HttpFn, type HttpMethod, isRecord, parseJson, send } from '../http/index.ts'
import { noteText } from '../lead-text.ts'
import type { CrmAdapter } from '../types.ts'
import { amoError } from './amocrm-errors.ts'
import { type AmoLeadOptions, amoNumber, complexLead, leadNameSuffix } from './lead-payload.ts'

export interface AmoCrmOptions extends AmoLeadOptions {
  /** `https://<subdomain>.kommo.com` (or `.amocrm.ru`, `.amocrm.com`). */
  baseUrl: string
  token: string
  http?: HttpFn
  timeoutMs?: number
  now?: () => number
}

export type AmoCrmAdapter = CrmAdapter &
  Required<Pick<CrmAdapter, 'updateResponsible'>> & {
    readonly kind: 'amocrm'
    readonly rateLimit: { perSecond: number }
  }

function accountOrigin(baseUrl: string, secrets: readonly string[]): string {
  const url = URL.canParse(baseUrl.trim()) ? new URL(baseUrl.trim()) : undefined
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url.origin
  throw new CrmError(
    {
      crm: 'amocrm',
      code: 'invalid_config',
      retryable: false,
      message: 'The Kommo address must look like https://<subdomain>.kommo.com',
    },
    secrets,
  )
}

export function createAmoCrmAdapter(options: AmoCrmOptions): AmoCrmAdapter {
  const secrets = [options.token]
  const origin = accountOrigin(options.baseUrl, secrets)
  const http = options.http ?? fetchHttp
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? 15_000

  async function request(
    method: HttpMethod,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const label = `${method} ${path.split('?')[0]}`
    const idempotent = method === 'GET'
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
      { crm: 'amocrm', label: `Kommo ${label}`, secrets },
    )
    const json = parseJson(response.body)
    if (response.status >= 200 && response.status < 300) return { status: response.status, json }
    throw amoError(response, json, { label, method, idempotent, secrets, now: now() })
  }

  const unexpected = (label: string, ambiguous: boolean) =>
    new CrmError(
      {
        crm: 'amocrm',
        code: 'unexpected_response',
        retryable: true,
        ambiguous,
        message: `Kommo ${label} answered with an unexpected body`,
      },
      secrets,
    )

  return {
    kind: 'amocrm',
    rateLimit: { perSecond: 7 },

    async createLead(lead, ctx) {
      const { json } = await request('POST', '/api/v4/leads/complex', [complexLead(lead, options, ctx)])
      const first: unknown = Array.isArray(json) ? json[0] : undefined
      if (!isRecord(first) || typeof first.id !== 'number')
        throw unexpected('POST /api/v4/leads/complex', true)
      // `merged: true`: Kommo's duplicate control matched an existing lead and answered with its id.
      return { crmId: String(first.id), existing: first.merged === true }
    },

    async findLeadByOpenlineId(leadId) {
      const { status, json } = await request(
        'GET',
        `/api/v4/leads?${new URLSearchParams({ query: leadId, limit: '50' })}`,
      )
      // Kommo answers 204 No Content when a list is empty.
      if (status === 204) return null
      const embedded = isRecord(json) && isRecord(json._embedded) ? json._embedded : undefined
      if (!embedded || !Array.isArray(embedded.leads)) throw unexpected('GET /api/v4/leads', false)
      // `query` is a full-text search: keep only the lead whose name ends with exactly this id.
      const match: unknown = embedded.leads.find(
        (candidate: unknown) =>
          isRecord(candidate) &&
          typeof candidate.name === 'string' &&
          candidate.name.endsWith(leadNameSuffix(leadId)),
      )
      return isRecord(match) ? String(match.id) : null
    },

    async attachTranscript(crmId, lead, transcript) {
      await request('POST', `/api/v4/leads/${encodeURIComponent(crmId)}/notes`, [
        { note_type: 'common', params: { text: noteText(lead, transcript) } },
      ])
    },

    async updateResponsible(crmId, crmUserId) {
      const responsible = amoNumber(crmUserId)
      if (responsible === undefined) {
        throw new CrmError(
          {
            crm: 'amocrm',
            code: 'invalid_request',
            retryable: false,
            message: `Kommo user ids are numbers, got "${crmUserId}"`,
          },
          secrets,
        )
      }
      await request('PATCH', `/api/v4/leads/${encodeURIComponent(crmId)}`, {
        responsible_user_id: responsible,
      })
    },

    async test() {
      const { json } = await request('GET', '/api/v4/account')
      if (!isRecord(json) || json.id === undefined) throw unexpected('GET /api/v4/account', false)
    },
  }
}
