/**
 * HubSpot errors are `{ status: 'error', message, correlationId, category }` (HubSpot API "Error
 * handling"): 401 INVALID_AUTHENTICATION / EXPIRED_AUTHENTICATION, 403 MISSING_SCOPES with the
 * required scopes in `errors[].context`, 409 CONFLICT, 400 VALIDATION_ERROR, and 429 with
 * `errorType: RATE_LIMIT` and a `policyName` naming the window that overflowed ("Usage details").
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

/** How long each HubSpot limit window takes to clear when no Retry-After came along. */
const POLICY_WAIT_MS: Record<string, number> = {
  SECONDLY: 1000,
  TEN_SECONDLY_ROLLING: 10_000,
  DAILY: 60 * 60 * 1000,
}

export interface HubSpotCallInfo {
  label: string
  method: HttpMethod
  idempotent: boolean
  secrets: readonly string[]
  now: number
}

function requiredScopes(json: Record<string, unknown>): string[] {
  const errors = Array.isArray(json.errors) ? json.errors : []
  return errors.flatMap((error: unknown) => {
    const context = isRecord(error) && isRecord(error.context) ? error.context : {}
    const scopes = context.requiredGranularScopes ?? context.requiredScopes
    return Array.isArray(scopes) ? scopes.map(String) : []
  })
}

export function hubspotError(response: HttpResponse, json: unknown, call: HubSpotCallInfo): CrmError {
  const status = response.status
  const body = isRecord(json) ? json : {}
  const category =
    typeof body.category === 'string'
      ? body.category
      : typeof body.errorType === 'string'
        ? body.errorType
        : undefined
  const text = excerpt(typeof body.message === 'string' ? body.message : `HTTP ${status}`)
  const base = classifyStatus(status, call.method, call.idempotent)
  const headerWait = parseRetryAfter(response.headers.get('retry-after'), call.now)
  const policy = typeof body.policyName === 'string' ? body.policyName : undefined
  const retryAfterMs =
    status === 429
      ? (headerWait ?? POLICY_WAIT_MS[policy ?? ''] ?? POLICY_WAIT_MS.TEN_SECONDLY_ROLLING)
      : base.retryable
        ? headerWait
        : undefined
  let message = `HubSpot ${call.label} failed with ${status} (${category ? `${category}: ` : ''}${text})`
  if (status === 401) {
    message = `HubSpot rejected the private app access token (${category ?? status}): it was rotated or the app was deleted. Paste the app's current access token.`
  } else if (status === 403) {
    const scopes = requiredScopes(body)
    const needed =
      scopes.length > 0 ? scopes.join(', ') : 'crm.objects.contacts.read and crm.objects.contacts.write'
    message = `HubSpot refused ${call.label} (${category ?? status}): give the private app the scopes ${needed}.`
  } else if (status === 429) {
    message = `HubSpot is throttling requests (${policy ?? category ?? 'RATE_LIMIT'}: ${text})`
  }
  return new CrmError(
    {
      crm: 'hubspot',
      code: base.code,
      retryable: base.retryable,
      ambiguous: base.ambiguous,
      status,
      message,
      ...(category ? { vendorCode: category } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    },
    call.secrets,
  )
}
