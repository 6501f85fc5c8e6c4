/**
 * The generic, signed webhook (Standard Webhooks): one POST per event with `webhook-id`,
 * `webhook-timestamp` and `webhook-signature` headers. The receiver is whatever the business
 * runs (Zapier, Make, n8n, its own code), so there is nothing to search: idempotency rests on the
 * stable `webhook-id`.
 */
import { CrmError } from '../crm-error.ts'
import { fetchHttp, type HttpFn, send } from '../http/index.ts'
import type { CrmAdapter } from '../types.ts'
import { leadEvent, testEvent, transcriptEvent, type WebhookEvent } from './events.ts'
import { secretKey, signatureHeader } from './signature.ts'
import { webhookError } from './webhook-errors.ts'

export interface WebhookOptions {
  url: string
  /** `whsec_<base64>` */
  secret: string
  /** After a rotation, deliveries are signed with both secrets until `until` (ms epoch). */
  previousSecret?: { secret: string; until: number }
  http?: HttpFn
  timeoutMs?: number
  now?: () => number
}

export type WebhookAdapter = CrmAdapter & { readonly kind: 'webhook' }

function invalidConfig(message: string, secrets: readonly string[]): CrmError {
  return new CrmError({ crm: 'webhook', code: 'invalid_config', retryable: false, message }, secrets)
}

export function createWebhookAdapter(options: WebhookOptions): WebhookAdapter {
  const secrets = [
    options.url,
    options.secret,
    ...(options.previousSecret ? [options.previousSecret.secret] : []),
  ]
  const url = URL.canParse(options.url) ? new URL(options.url) : undefined
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw invalidConfig('The webhook address must be an http(s) URL', secrets)
  }
  for (const secret of secrets.slice(1)) {
    if (!secret.startsWith('whsec_') || secretKey(secret).length < 24) {
      throw invalidConfig(
        'A webhook signing secret must be whsec_ followed by at least 24 base64-encoded bytes',
        secrets,
      )
    }
  }
  // Hook addresses often carry their own secret (Zapier, Make): keep the path and query values out of messages too.
  if (url.pathname.length > 1) secrets.push(url.pathname)
  for (const value of url.searchParams.values()) secrets.push(value)
  const host = url.host
  const http = options.http ?? fetchHttp
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? 15_000

  async function deliver(event: WebhookEvent): Promise<void> {
    const at = now()
    const signing = [options.secret]
    if (options.previousSecret && at < options.previousSecret.until)
      signing.push(options.previousSecret.secret)
    const timestamp = Math.floor(at / 1000)
    const response = await send(
      http,
      {
        method: 'POST',
        url: options.url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Openline-Webhooks/1',
          'webhook-id': event.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureHeader(signing, event.id, timestamp, event.body),
        },
        body: event.body,
        timeoutMs,
      },
      { crm: 'webhook', label: `Webhook ${event.type} to ${host}`, secrets },
    )
    if (response.status >= 200 && response.status < 300) return
    throw webhookError(response, { host, eventType: event.type, secrets, now: now() })
  }

  return {
    kind: 'webhook',
    async createLead(lead, ctx = {}) {
      await deliver(leadEvent(lead, ctx))
      return { crmId: lead.id, existing: false }
    },
    async attachTranscript(crmId, lead, transcript) {
      await deliver(transcriptEvent(crmId, lead, transcript))
    },
    async findLeadByOpenlineId() {
      return null
    },
    async test() {
      await deliver(testEvent(now()))
    },
  }
}
