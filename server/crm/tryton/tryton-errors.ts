/**
 * Tryton's JSON-RPC failures (trytond 6.0 protocols/jsonrpc.py, protocols/dispatcher.py,
 * exceptions.py). A call that reached a model answers 200 with `{ error: [name, args] }` for
 * Tryton exceptions (UserError: [message, description, domain]) or `{ error: [text, traceback] }`
 * for anything else; the transaction is rolled back in both cases, so nothing was applied.
 * Authentication and routing fail with a bare HTTP status: 401 for a bad login or an expired
 * session, 429 when too many logins failed, 404 for an unknown database, 403 for a method that is
 * not exposed over RPC.
 */
import { CrmError, type CrmErrorCode } from '../crm-error.ts'
import { classifyStatus, excerpt, type HttpResponse, isRecord, parseRetryAfter } from '../http/index.ts'

export interface TrytonCallInfo {
  /** The RPC method, e.g. model.sale.opportunity.create; never carries secrets. */
  method: string
  write: boolean
  secrets: readonly string[]
  now: number
}

interface RpcFault {
  name?: string
  text: string
}

const NAMED = new Set([
  'UserError',
  'UserWarning',
  'LoginException',
  'ConcurrencyException',
  'RateLimitException',
  'MissingDependenciesException',
  'AccessError',
])

/** Reads `error` from a JSON-RPC body; the traceback of a server exception is never kept. */
export function rpcFault(json: unknown): RpcFault | undefined {
  if (!isRecord(json) || !Array.isArray(json.error)) return undefined
  const [first, second] = json.error as unknown[]
  if (typeof first === 'string' && NAMED.has(first)) {
    const args = Array.isArray(second) ? second : []
    const parts = args.filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    // LoginException carries [field name, message, type]: the message is the readable part.
    const readable = first === 'LoginException' || first === 'UserWarning' ? parts.slice(1) : parts
    return { name: first, text: excerpt(readable.join(' — ') || first) }
  }
  return { text: excerpt(typeof first === 'string' ? (first.split('\n')[0] ?? '') : 'unknown error') }
}

function make(
  call: TrytonCallInfo,
  init: {
    code: CrmErrorCode
    retryable: boolean
    message: string
    ambiguous?: boolean
    status?: number
    vendorCode?: string
    retryAfterMs?: number
  },
): CrmError {
  return new CrmError({ crm: 'tryton', ambiguous: false, ...init }, call.secrets)
}

/** A 200 answer carrying `error`: Tryton rolled the transaction back, so no failure here is ambiguous. */
export function faultError(fault: RpcFault, call: TrytonCallInfo): CrmError {
  const vendorCode = fault.name ?? 'ServerError'
  switch (fault.name) {
    case 'UserError':
    case 'UserWarning':
    case 'AccessError':
      return make(call, {
        code: 'invalid_request',
        retryable: false,
        vendorCode,
        message: `Tryton refused ${call.method}: ${fault.text}`,
      })
    case 'LoginException':
      return make(call, {
        code: 'unauthorized',
        retryable: false,
        vendorCode,
        message: `Tryton asks for other credentials (${fault.text}): check the user's password and login methods`,
      })
    case 'RateLimitException':
      return make(call, {
        code: 'rate_limited',
        retryable: true,
        vendorCode,
        message: `Tryton is rate-limiting ${call.method}`,
      })
    case 'ConcurrencyException':
      return make(call, {
        code: 'conflict',
        retryable: true,
        vendorCode,
        message: `Tryton reported a concurrent change during ${call.method}: ${fault.text}`,
      })
    case 'MissingDependenciesException':
      return make(call, {
        code: 'invalid_config',
        retryable: false,
        vendorCode,
        message: `Tryton lacks a module for ${call.method} (${fault.text}): activate sale_opportunity`,
      })
    default:
      // A server-side exception (SQLite "database is locked", a module bug): rolled back, worth a retry.
      return make(call, {
        code: 'unavailable',
        retryable: true,
        vendorCode,
        message: `Tryton failed on ${call.method}: ${fault.text}`,
      })
  }
}

/** A non-2xx answer, or a 2xx one without `result`. */
export function statusError(response: HttpResponse, json: unknown, call: TrytonCallInfo): CrmError {
  const fault = rpcFault(json)
  const what = fault ? fault.text : `HTTP ${response.status}`
  const status = response.status
  if (status >= 200 && status < 300) {
    if (fault) return faultError(fault, call)
    return make(call, {
      code: 'unexpected_response',
      retryable: true,
      ambiguous: call.write,
      status,
      message: `Tryton ${call.method} answered ${status} without a result`,
    })
  }
  const base = classifyStatus(status, 'POST', !call.write)
  const retryAfterMs = base.retryable
    ? parseRetryAfter(response.headers.get('retry-after'), call.now)
    : undefined
  const common = {
    status,
    ...(fault?.name ? { vendorCode: fault.name } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  }
  if (status === 401) {
    return make(call, {
      ...common,
      code: 'unauthorized',
      retryable: false,
      message: `Tryton rejected the credentials for ${call.method}: check the user name and password`,
    })
  }
  if (status === 403) {
    return make(call, {
      ...common,
      code: 'forbidden',
      retryable: false,
      message: `Tryton does not allow ${call.method} over RPC for this user (${what}): activate sale_opportunity and check the user's access rights`,
    })
  }
  if (status === 404) {
    return make(call, {
      ...common,
      code: 'invalid_config',
      retryable: false,
      message: `Tryton has no such database (${call.method} answered 404): the address must end with the database name`,
    })
  }
  return make(call, {
    ...common,
    code: base.code,
    retryable: base.retryable,
    ambiguous: base.ambiguous,
    message: `Tryton ${call.method} failed with ${status} (${what})`,
  })
}
