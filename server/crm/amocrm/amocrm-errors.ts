/**
 * Kommo errors are problem+json `{ title, type, status, detail }`; validation failures add
 * `validation-errors: [{ request_id, errors: [{ code, path, detail }] }]` (Kommo API: "Errors and
 * API responses"). 401: token expired or revoked; 402: account not paid; 403: API access blocked
 * (IP filter or abuse); 429: above 7 requests per second ("Limitations").
 */
import { CrmError } from '../crm-error.ts'
import {
  classifyStatus,
  excerpt,
  type HttpMethod,
  type HttpResponse,
  isRecord,
  parseRetryAfter,
} from '../http/index.ts'

const RATE_LIMIT_WAIT_MS = 1000

export interface AmoCallInfo {
  label: string
  method: HttpMethod
  idempotent: boolean
  secrets: readonly string[]
  now: number
}

export function validationText(json: unknown): string | undefined {
  if (!isRecord(json) || !Array.isArray(json['validation-errors'])) return undefined
  const parts: string[] = []
  for (const group of json['validation-errors']) {
    if (!isRecord(group) || !Array.isArray(group.errors)) continue
    for (const error of group.errors) {
      if (!isRecord(error)) continue
      parts.push(`${String(error.path ?? '?')}: ${String(error.detail ?? '')} (${String(error.code ?? '')})`)
    }
  }
  return parts.length > 0 ? parts.join('; ') : undefined
}

export function amoError(response: HttpResponse, json: unknown, call: AmoCallInfo): CrmError {
  const status = response.status
  const base = classifyStatus(status, call.method, call.idempotent)
  const problem = isRecord(json)
    ? [json.title, json.detail].filter((part) => typeof part === 'string').join(': ')
    : ''
  const what = excerpt(problem || `HTTP ${status}`)
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), call.now)
  const make = (message: string, overrides: { code?: CrmError['code']; retryable?: boolean } = {}) =>
    new CrmError(
      {
        crm: 'amocrm',
        code: overrides.code ?? base.code,
        retryable: overrides.retryable ?? base.retryable,
        ambiguous: base.ambiguous,
        status,
        message,
        ...(status === 429 ? { retryAfterMs: retryAfter ?? RATE_LIMIT_WAIT_MS } : {}),
        ...(status !== 429 && base.retryable && retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
      },
      call.secrets,
    )

  if (status === 401) {
    return make(
      `Kommo rejected the access token (${what}): the long-lived token expired or was revoked. Create a new long-lived token in the private integration and paste it.`,
    )
  }
  if (status === 402)
    return make(`Kommo refused ${call.label}: the account is not paid (${what})`, { code: 'forbidden' })
  if (status === 403) {
    return make(
      `Kommo refused ${call.label} (${what}): the account blocks API access from this server's address or the token's user lacks rights.`,
    )
  }
  if (status === 429)
    return make(`Kommo is throttling requests (${what}); the limit is 7 requests per second`)
  const validation = validationText(json)
  if (validation) return make(`Kommo rejected ${call.label}: ${excerpt(validation, 500)}`)
  return make(`Kommo ${call.label} failed with ${status} (${what})`)
}
