/**
 * Delivery outcomes of the generic webhook: 2xx delivered; 410 Gone means "stop sending" (Standard
 * Webhooks, "Disabling endpoints"); 408, 429 and 5xx are retried honouring Retry-After; other 4xx
 * are permanent, 401/403 meaning the endpoint did not accept the signature.
 */
import { CrmError } from '../crm-error.ts'
import { classifyStatus, excerpt, type HttpResponse, parseRetryAfter } from '../http/index.ts'

export interface DeliveryInfo {
  host: string
  eventType: string
  secrets: readonly string[]
  now: number
}

export function webhookError(response: HttpResponse, info: DeliveryInfo): CrmError {
  const status = response.status
  const base = classifyStatus(status, 'POST')
  const answer = excerpt(response.body, 200)
  const said = answer ? `: ${answer}` : ''
  const messages: Record<string, string> = {
    gone: `The webhook endpoint on ${info.host} answered 410 Gone: it asked Openline to stop sending. Deliveries stay off until the endpoint is changed.`,
    unauthorized: `The webhook endpoint on ${info.host} refused the ${info.eventType} event (${status}${said}): check that it verifies signatures with the signing secret shown in Openline.`,
    forbidden: `The webhook endpoint on ${info.host} refused the ${info.eventType} event (${status}${said}): check that it verifies signatures with the signing secret shown in Openline.`,
    redirect: `The webhook endpoint on ${info.host} answered with a redirect (${status}): enter the final address.`,
  }
  const retryAfterMs = base.retryable
    ? parseRetryAfter(response.headers.get('retry-after'), info.now)
    : undefined
  return new CrmError(
    {
      crm: 'webhook',
      code: base.code,
      retryable: base.retryable,
      ambiguous: base.ambiguous,
      status,
      message:
        messages[base.code] ??
        `The webhook endpoint on ${info.host} answered ${status} to ${info.eventType}${said}`,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    },
    info.secrets,
  )
}
