/**
 * Short-lived download links for visitors. A browser cannot put the visitor's bearer token on an
 * `<a href>` or a navigation, so the widget first asks (with its token) for a link, and the link
 * itself carries an HMAC over (workspace, attachment, visitor, expiry) made with the server secret.
 * Every node shares the secret, so any node can check a link another node made. Changing any part
 * (another attachment, another visitor, a later expiry) breaks the signature.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

/** Long enough to start a download after a click, short enough that a leaked link soon dies. */
export const LINK_TTL_MS = 5 * 60_000

export interface DownloadGrant {
  workspaceId: string
  attachmentId: string
  visitorId: string
  /** Milliseconds since the epoch after which the link no longer works. */
  expiresAt: number
}

function mac(secret: string, g: DownloadGrant): Buffer {
  // A purpose prefix keeps these MACs apart from anything else the same secret signs.
  const text = ['attachment-download.v1', g.workspaceId, g.attachmentId, g.visitorId, g.expiresAt].join('\n')
  return createHmac('sha256', secret).update(text).digest()
}

export function signDownload(secret: string, grant: DownloadGrant): string {
  return mac(secret, grant).toString('base64url')
}

/** Query string of a signed link (`w`, `v`, `exp`, `sig`). */
export function signedQuery(secret: string, grant: DownloadGrant): string {
  const params = new URLSearchParams({
    w: grant.workspaceId,
    v: grant.visitorId,
    exp: String(grant.expiresAt),
    sig: signDownload(secret, grant),
  })
  return params.toString()
}

/** True when `sig` was made by this secret for exactly this grant and it has not expired at `now`. */
export function verifyDownload(secret: string, grant: DownloadGrant, sig: string, now: number): boolean {
  if (!Number.isSafeInteger(grant.expiresAt) || grant.expiresAt < now) return false
  const given = Buffer.from(sig, 'base64url')
  const expected = mac(secret, grant)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
