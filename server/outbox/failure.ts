import { isCrmError } from '../crm/crm-error.ts'

/** How the relay treats one failed attempt (issue 6, items 2 and 3). */
export interface Failure {
  message: string
  /** False for what waiting cannot fix (bad credentials, a rejected lead): dead at once, replay after fixing. */
  retryable: boolean
  /** The request may have reached the CRM: look the record up before sending it again. */
  ambiguous: boolean
  retryAfterMs?: number
  /** The CRM asked us to slow down: hold every delivery of this connection, not just this one. */
  rateLimited: boolean
}

export function classifyFailure(error: unknown): Failure {
  if (isCrmError(error)) {
    return {
      message: `${error.code}${error.status ? ` (${error.status})` : ''}: ${error.message}`.slice(0, 1000),
      retryable: error.retryable,
      ambiguous: error.ambiguous,
      ...(error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }),
      rateLimited: error.code === 'rate_limited',
    }
  }
  // Our own failures (the store, a lead source) are transient as far as we know: retry, not ambiguous.
  const message = error instanceof Error ? error.message : String(error)
  return {
    message: `internal: ${message}`.slice(0, 1000),
    retryable: true,
    ambiguous: false,
    rateLimited: false,
  }
}
