import { type HttpFn, HttpTransportError, type TransportFailure } from './http-types.ts'

/** Connection set-up failures: the request never left this machine. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') return code
  return errorCode((error as { cause?: unknown }).cause)
}

/** Maps what undici throws onto a failure kind, keeping only the system code (its messages can quote the URL). */
export function classifyFetchError(error: unknown): HttpTransportError {
  const name = error instanceof Error ? error.name : ''
  if (name === 'TimeoutError') return new HttpTransportError('timeout', 'TimeoutError')
  const code = errorCode(error)
  if (code !== undefined) {
    const failure: TransportFailure = NOT_SENT_CODES.has(code) ? 'not-sent' : 'no-response'
    return new HttpTransportError(failure, code)
  }
  if (error instanceof TypeError && /URL/i.test(error.message))
    return new HttpTransportError('not-sent', 'INVALID_URL')
  return new HttpTransportError('no-response', name || 'unknown')
}

/**
 * Global fetch (Node 20) with a per-request timeout. Redirects are not followed: a CRM API or a
 * webhook endpoint that redirects is misconfigured, and following would resend the body (and its
 * credentials) to an address nobody entered.
 */
export const fetchHttp: HttpFn = async (request) => {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    })
    const body = await response.text()
    return { status: response.status, headers: response.headers, body }
  } catch (error) {
    throw classifyFetchError(error)
  }
}
