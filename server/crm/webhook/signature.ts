/**
 * Standard Webhooks signatures (standardwebhooks.com, "Signature scheme"): HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.${body}` keyed with the base64 part of a `whsec_` secret,
 * sent as `v1,<base64>`; several space-separated signatures let receivers rotate secrets.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const PREFIX = 'whsec_'

export function generateWebhookSecret(bytes = 32): string {
  return `${PREFIX}${randomBytes(bytes).toString('base64')}`
}

/** The HMAC key: the base64 part after `whsec_` (a bare base64 secret is accepted too). */
export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret
  return Buffer.from(encoded, 'base64')
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')
  return `v1,${mac}`
}

/** The `webhook-signature` value: one `v1,` signature per secret still valid. */
export function signatureHeader(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): string {
  return secrets.map((secret) => sign(secret, id, timestamp, body)).join(' ')
}

export type HeaderSource =
  | Record<string, string | string[] | undefined>
  | { get(name: string): string | null }

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === 'function')
    return (headers as { get(name: string): string | null }).get(name) ?? undefined
  const record = headers as Record<string, string | string[] | undefined>
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name)
  const value = key === undefined ? undefined : record[key]
  return Array.isArray(value) ? value[0] : value
}

export type VerifyResult =
  | { ok: true; id: string; timestamp: number }
  | {
      ok: false
      reason:
        | 'missing-headers'
        | 'bad-timestamp'
        | 'timestamp-too-old'
        | 'timestamp-too-new'
        | 'no-matching-signature'
    }

/**
 * What a receiver runs on each delivery: `body` exactly as received (raw text, not re-serialized
 * JSON), `now` in ms. Any one matching `v1` signature from any of `secrets` passes; timestamps
 * outside ±toleranceSeconds are refused so a captured request cannot be replayed later.
 */
export function verifyWebhookSignature(
  secrets: string | readonly string[],
  headers: HeaderSource,
  body: string,
  now: number,
  toleranceSeconds = 300,
): VerifyResult {
  const id = header(headers, 'webhook-id')
  const rawTimestamp = header(headers, 'webhook-timestamp')
  const signatures = header(headers, 'webhook-signature')
  if (!id || !rawTimestamp || !signatures) return { ok: false, reason: 'missing-headers' }
  if (!/^\d+$/.test(rawTimestamp)) return { ok: false, reason: 'bad-timestamp' }
  const timestamp = Number(rawTimestamp)
  const nowSeconds = Math.floor(now / 1000)
  if (timestamp < nowSeconds - toleranceSeconds) return { ok: false, reason: 'timestamp-too-old' }
  if (timestamp > nowSeconds + toleranceSeconds) return { ok: false, reason: 'timestamp-too-new' }
  const offered = signatures
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .map((part) => Buffer.from(part.slice(3), 'base64'))
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const expected = Buffer.from(sign(secret, id, timestamp, body).slice(3), 'base64')
    if (
      offered.some(
        (candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected),
      )
    ) {
      return { ok: true, id, timestamp }
    }
  }
  return { ok: false, reason: 'no-matching-signature' }
}
