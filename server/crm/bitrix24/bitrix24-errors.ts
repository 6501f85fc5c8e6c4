/**
 * Bitrix24 REST errors come as `{ error, error_description }` (Bitrix24 REST docs: "Error codes",
 * "Limits"): 503 QUERY_LIMIT_EXCEEDED when the leaky bucket overflows (drains 2 requests/s),
 * 429 OPERATION_TIME_LIMIT when a method used more than 480 s of execution in 10 minutes (blocked
 * for 10 minutes), 401 INVALID_CREDENTIALS for a deleted or blocked webhook, 401/403
 * insufficient_scope when the webhook lacks a scope.
 */
import { CrmError, type CrmErrorCode } from '../crm-error.ts'
import { classifyStatus, excerpt, type HttpResponse, isRecord, parseRetryAfter } from '../http/index.ts'

const UNAUTHORIZED = new Set([
  'INVALID_CREDENTIALS',
  'NO_AUTH_FOUND',
  'expired_token',
  'invalid_token',
  'WRONG_AUTH_TYPE',
])
const FORBIDDEN = new Set([
  'insufficient_scope',
  'ACCESS_DENIED',
  'ERROR_ACCESS_DENIED',
  'INVALID_REQUEST_SCOPE',
])
const QUERY_LIMIT_WAIT_MS = 1000
const OPERATION_LIMIT_WAIT_MS = 10 * 60 * 1000

export interface BitrixCallInfo {
  method: string
  write: boolean
  secrets: readonly string[]
  now: number
}

export function bitrixError(response: HttpResponse, json: unknown, call: BitrixCallInfo): CrmError {
  const vendor =
    isRecord(json) && typeof json.error === 'string' && json.error !== '' ? json.error : undefined
  const description =
    isRecord(json) && typeof json.error_description === 'string' ? excerpt(json.error_description) : undefined
  const retryAfterHeader = parseRetryAfter(response.headers.get('retry-after'), call.now)
  const base = classifyStatus(response.status, 'POST', !call.write)
  const what = [vendor, description].filter(Boolean).join(': ') || `HTTP ${response.status}`
  const make = (
    code: CrmErrorCode,
    retryable: boolean,
    message: string,
    extra: { ambiguous?: boolean; retryAfterMs?: number } = {},
  ) =>
    new CrmError(
      {
        crm: 'bitrix24',
        code,
        retryable,
        message,
        ambiguous: extra.ambiguous ?? false,
        status: response.status,
        ...(vendor ? { vendorCode: vendor } : {}),
        ...(extra.retryAfterMs !== undefined ? { retryAfterMs: extra.retryAfterMs } : {}),
      },
      call.secrets,
    )

  if (vendor === 'QUERY_LIMIT_EXCEEDED' || vendor === 'OPERATION_TIME_LIMIT') {
    const wait =
      retryAfterHeader ?? (vendor === 'QUERY_LIMIT_EXCEEDED' ? QUERY_LIMIT_WAIT_MS : OPERATION_LIMIT_WAIT_MS)
    return make('rate_limited', true, `Bitrix24 is throttling ${call.method} (${what})`, {
      retryAfterMs: wait,
    })
  }
  if (
    (vendor && UNAUTHORIZED.has(vendor)) ||
    (response.status === 401 && !(vendor && FORBIDDEN.has(vendor)))
  ) {
    return make(
      'unauthorized',
      false,
      `Bitrix24 rejected the webhook (${what}): it was deleted, its secret was regenerated or it was blocked. Create an incoming webhook with the "crm" scope and paste its address.`,
    )
  }
  if ((vendor && FORBIDDEN.has(vendor)) || response.status === 403) {
    return make(
      'forbidden',
      false,
      `Bitrix24 refused ${call.method} (${what}): give the webhook the "crm" scope, and its user the right to add leads.`,
    )
  }
  if (response.status >= 200 && response.status < 300) {
    return make(
      'unexpected_response',
      true,
      `Bitrix24 ${call.method} answered ${response.status} without a result`,
      {
        ambiguous: call.write,
      },
    )
  }
  return make(base.code, base.retryable, `Bitrix24 ${call.method} failed with ${response.status} (${what})`, {
    ambiguous: base.ambiguous,
    ...(retryAfterHeader !== undefined && base.retryable ? { retryAfterMs: retryAfterHeader } : {}),
  })
}
