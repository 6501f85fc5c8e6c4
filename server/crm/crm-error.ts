import type { CrmKind } from './types.ts'

export type CrmErrorCode =
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'invalid_request'
  | 'invalid_config'
  | 'not_found'
  | 'gone'
  | 'conflict'
  | 'redirect'
  | 'unexpected_response'

export interface CrmErrorInit {
  crm: CrmKind
  code: CrmErrorCode
  message: string
  retryable: boolean
  /** The request may have been applied (timeout, lost connection, 5xx after send): look up before retrying. */
  ambiguous?: boolean
  status?: number
  retryAfterMs?: number
  /** The vendor's own error code, e.g. QUERY_LIMIT_EXCEEDED or VALIDATION_ERROR. */
  vendorCode?: string
}

const REDACTED = '[redacted]'

/** Replaces every secret (and its URL-encoded form) in `text`; short strings are left alone to keep messages readable. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  const variants = secrets
    .filter((secret) => secret.length >= 6)
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length)
  for (const variant of variants) out = out.split(variant).join(REDACTED)
  return out
}

/**
 * A failed CRM call, classified for the relay. The message is built by the adapters from vendor
 * codes and descriptions and then redacted: it never carries webhook addresses, tokens or keys,
 * because it ends up in logs and in the admin's integration page.
 */
export class CrmError extends Error {
  readonly crm: CrmKind
  readonly code: CrmErrorCode
  readonly retryable: boolean
  readonly ambiguous: boolean
  readonly status?: number
  readonly retryAfterMs?: number
  readonly vendorCode?: string

  constructor(init: CrmErrorInit, secrets: readonly string[] = []) {
    super(redact(init.message, secrets))
    this.name = 'CrmError'
    this.crm = init.crm
    this.code = init.code
    this.retryable = init.retryable
    this.ambiguous = init.ambiguous ?? false
    if (init.status !== undefined) this.status = init.status
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs
    if (init.vendorCode !== undefined) this.vendorCode = redact(init.vendorCode, secrets)
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      crm: this.crm,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ambiguous: this.ambiguous,
      status: this.status,
      retryAfterMs: this.retryAfterMs,
      vendorCode: this.vendorCode,
    }
  }
}

export function isCrmError(error: unknown): error is CrmError {
  return error instanceof CrmError
}
