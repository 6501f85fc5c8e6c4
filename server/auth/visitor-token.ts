import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

/**
 * Visitor tokens identify an anonymous website visitor to the widget API and WebSocket gateway.
 *
 * They deliberately never expire: the browser keeps the token, and it is the only key to that
 * visitor's conversation history, so expiring it would orphan their chats. Revocation, if ever needed,
 * means rotating the signing secret (which logs out every visitor) — hence `issuedAt` in the payload,
 * so a later version can reject tokens issued before a cut-off without changing the format.
 */
const VERSION = 'v1'
const MIN_SECRET_CHARS = 32
/** Far above a real token (~200 chars); bounds the work done on hostile input before any decoding. */
const MAX_TOKEN_CHARS = 1024
const BASE64URL = /^[A-Za-z0-9_-]+$/

const id = z.string().min(1).max(64)

export const visitorTokenPayload = z.object({
  workspaceId: id,
  visitorId: id,
  /** Null for visitors who did not arrive through a widget (the Store's `Visitor.widgetId` is nullable). */
  widgetId: id.nullable(),
  issuedAt: z.number().int().nonnegative(),
})

export type VisitorTokenPayload = z.infer<typeof visitorTokenPayload>

/** A fresh signing secret for the installation-wide setting all nodes share. */
export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url')
}

function assertSecret(secret: string): void {
  if (secret.length < MIN_SECRET_CHARS) {
    throw new RangeError(`visitor token secret must be at least ${MIN_SECRET_CHARS} characters`)
  }
}

/** The MAC covers the version too, so a token cannot be replayed under another format version. */
function mac(secret: string, signedPart: string): Buffer {
  return createHmac('sha256', secret).update(signedPart).digest()
}

export function signVisitorToken(secret: string, payload: VisitorTokenPayload): string {
  assertSecret(secret)
  const valid = visitorTokenPayload.parse(payload)
  const body = Buffer.from(JSON.stringify(valid)).toString('base64url')
  const signedPart = `${VERSION}.${body}`
  return `${signedPart}.${mac(secret, signedPart).toString('base64url')}`
}

/** The payload of a token this secret signed; null for anything else, whatever its shape. */
export function verifyVisitorToken(secret: string, token: unknown): VisitorTokenPayload | null {
  assertSecret(secret)
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return null
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [version, body, signature] = parts as [string, string, string]
  if (version !== VERSION || !BASE64URL.test(body) || !BASE64URL.test(signature)) return null

  const given = Buffer.from(signature, 'base64url')
  // Only the canonical encoding of the MAC is accepted, so each payload has exactly one valid token.
  if (given.toString('base64url') !== signature) return null
  const expected = mac(secret, `${version}.${body}`)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null

  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    // Unreachable for tokens we signed; a correctly signed but unparsable body is simply not a token.
    return null
  }
  const parsed = visitorTokenPayload.safeParse(json)
  return parsed.success ? parsed.data : null
}
