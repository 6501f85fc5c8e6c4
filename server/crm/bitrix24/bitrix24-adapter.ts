/**
 * Bitrix24 through an incoming webhook (Bitrix24 REST: "Webhooks", "crm.lead.add",
 * "crm.lead.list", "crm.lead.update", "crm.timeline.comment.add", "scope"). Every method is
 * `POST <base><method>.json` with a JSON body and answers `{ result, time }`.
 */
import { CrmError } from '../crm-error.ts'
import { fetchHttp, type HttpFn, isRecord, parseJson, send } from '../http/index.ts'
import { transcriptText } from '../lead-text.ts'
import type { CrmAdapter, Lead, Transcript } from '../types.ts'
import { bitrixError } from './bitrix24-errors.ts'
import { bitrixId, leadFields, ORIGINATOR_ID } from './lead-fields.ts'
import { parseWebhookUrl } from './webhook-url.ts'

export interface Bitrix24Options {
  webhookUrl: string
  http?: HttpFn
  timeoutMs?: number
  now?: () => number
}

export type Bitrix24Adapter = CrmAdapter &
  Required<Pick<CrmAdapter, 'updateResponsible'>> & {
    readonly kind: 'bitrix24'
    readonly rateLimit: { perSecond: number }
  }

export function createBitrix24Adapter(options: Bitrix24Options): Bitrix24Adapter {
  const endpoint = parseWebhookUrl(options.webhookUrl)
  const http = options.http ?? fetchHttp
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? 15_000
  const secrets = [options.webhookUrl, endpoint.base, endpoint.token]

  async function call(method: string, params: Record<string, unknown>, write: boolean): Promise<unknown> {
    const response = await send(
      http,
      {
        method: 'POST',
        url: `${endpoint.base}${method}.json`,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(params),
        timeoutMs,
      },
      { crm: 'bitrix24', label: `Bitrix24 ${method}`, secrets, idempotent: !write },
    )
    const json = parseJson(response.body)
    const ok = response.status >= 200 && response.status < 300
    if (ok && isRecord(json) && 'result' in json && !('error' in json)) return json.result
    throw bitrixError(response, json, { method, write, secrets, now: now() })
  }

  const unexpected = (method: string, write: boolean) =>
    new CrmError(
      {
        crm: 'bitrix24',
        code: 'unexpected_response',
        retryable: true,
        ambiguous: write,
        message: `Bitrix24 ${method} answered with an unexpected result`,
      },
      secrets,
    )

  return {
    kind: 'bitrix24',
    rateLimit: { perSecond: 2 },

    async createLead(lead, ctx = {}) {
      const result = await call(
        'crm.lead.add',
        { fields: leadFields(lead, ctx), params: { REGISTER_SONET_EVENT: 'Y' } },
        true,
      )
      if (typeof result !== 'number' && typeof result !== 'string') throw unexpected('crm.lead.add', true)
      return { crmId: String(result), existing: false }
    },

    async findLeadByOpenlineId(leadId) {
      const result = await call(
        'crm.lead.list',
        { filter: { ORIGINATOR_ID, ORIGIN_ID: leadId }, select: ['ID'], order: { ID: 'ASC' } },
        false,
      )
      if (!Array.isArray(result)) throw unexpected('crm.lead.list', false)
      const first: unknown = result[0]
      return isRecord(first) && first.ID !== undefined ? String(first.ID) : null
    },

    async attachTranscript(crmId: string, lead: Lead, transcript: Transcript) {
      const body = transcriptText(transcript)
      // The lead's details already sit in COMMENTS; a timeline comment is only worth a request with a transcript.
      if (body.trim() === '') return
      const link = transcript.conversationUrl ? `\n${transcript.conversationUrl}` : ''
      await call(
        'crm.timeline.comment.add',
        {
          fields: {
            ENTITY_ID: bitrixId(crmId),
            ENTITY_TYPE: 'lead',
            COMMENT: `Openline conversation (lead ${lead.id})${link}\n\n${body}`,
          },
        },
        true,
      )
    },

    async updateResponsible(crmId, crmUserId) {
      await call(
        'crm.lead.update',
        { id: bitrixId(crmId), fields: { ASSIGNED_BY_ID: bitrixId(crmUserId) } },
        true,
      )
    },

    async test() {
      const scopes = await call('scope', {}, false)
      if (!Array.isArray(scopes) || !scopes.includes('crm')) {
        throw new CrmError(
          {
            crm: 'bitrix24',
            code: 'forbidden',
            retryable: false,
            message: `The Bitrix24 webhook on ${endpoint.portal} has no "crm" scope: edit the webhook and tick CRM.`,
          },
          secrets,
        )
      }
    },
  }
}
