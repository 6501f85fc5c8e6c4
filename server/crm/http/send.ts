import { CrmError, type CrmErrorCode } from '../crm-error.ts'
import type { CrmKind } from '../types.ts'
import { type HttpFn, type HttpRequest, type HttpResponse, HttpTransportError } from './http-types.ts'

export interface SendContext {
  crm: CrmKind
  /** Names the call in messages, e.g. "Bitrix24 crm.lead.add"; must not contain secrets. */
  label: string
  secrets: readonly string[]
  /** A read sent as POST (Bitrix24 methods, HubSpot search): losing its answer changes nothing. */
  idempotent?: boolean
}

/** Writes may have been applied when the answer is lost; reads are always safe to repeat. */
export function mayHaveApplied(method: HttpRequest['method'], idempotent = false): boolean {
  return !idempotent && method !== 'GET'
}

export function transportToCrmError(
  error: HttpTransportError,
  request: HttpRequest,
  ctx: SendContext,
): CrmError {
  const ambiguous = error.failure !== 'not-sent' && mayHaveApplied(request.method, ctx.idempotent)
  const text: Record<HttpTransportError['failure'], string> = {
    'not-sent': `could not connect (${error.detail})`,
    'no-response': `the connection was lost before an answer (${error.detail})`,
    timeout: `no answer within ${request.timeoutMs} ms`,
  }
  const code: CrmErrorCode = error.failure === 'timeout' ? 'timeout' : 'network'
  return new CrmError(
    { crm: ctx.crm, code, message: `${ctx.label}: ${text[error.failure]}`, retryable: true, ambiguous },
    ctx.secrets,
  )
}

/** Performs the request; transport failures become classified `CrmError`s, HTTP statuses are left to the caller. */
export async function send(http: HttpFn, request: HttpRequest, ctx: SendContext): Promise<HttpResponse> {
  try {
    return await http(request)
  } catch (error) {
    if (error instanceof HttpTransportError) throw transportToCrmError(error, request, ctx)
    const detail = error instanceof Error ? error.name : 'unknown'
    throw new CrmError(
      {
        crm: ctx.crm,
        code: 'network',
        message: `${ctx.label}: request failed (${detail})`,
        retryable: true,
        ambiguous: mayHaveApplied(request.method, ctx.idempotent),
      },
      ctx.secrets,
    )
  }
}

export interface StatusClass {
  code: CrmErrorCode
  retryable: boolean
  ambiguous: boolean
}

/** The HTTP meaning of a non-2xx status, before any vendor-specific refinement. */
export function classifyStatus(
  status: number,
  method: HttpRequest['method'],
  idempotent = false,
): StatusClass {
  if (status >= 300 && status < 400) return { code: 'redirect', retryable: false, ambiguous: false }
  if (status === 401) return { code: 'unauthorized', retryable: false, ambiguous: false }
  if (status === 403) return { code: 'forbidden', retryable: false, ambiguous: false }
  if (status === 404) return { code: 'not_found', retryable: false, ambiguous: false }
  if (status === 408) return { code: 'timeout', retryable: true, ambiguous: false }
  if (status === 409) return { code: 'conflict', retryable: false, ambiguous: false }
  if (status === 410) return { code: 'gone', retryable: false, ambiguous: false }
  if (status === 429) return { code: 'rate_limited', retryable: true, ambiguous: false }
  if (status >= 500)
    return { code: 'unavailable', retryable: true, ambiguous: mayHaveApplied(method, idempotent) }
  return { code: 'invalid_request', retryable: false, ambiguous: false }
}

/** Parses a JSON body; undefined for empty or non-JSON bodies (proxies answer 502 with HTML). */
export function parseJson(body: string): unknown {
  if (body.trim() === '') return undefined
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

/** Vendor text is quoted in messages, so it is shortened and kept on one line. */
export function excerpt(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max)}…` : line
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
