/**
 * Identity verification for `Openline('identify', { id, userHash })` (issue 6 item 1, issue 5
 * item 8). An id set by page JavaScript can be forged by any visitor, and the lead rules attach a
 * lead to the CRM record of whoever was identified with that id. So, as Intercom and Chatwoot do,
 * a widget may have an identity secret: the business's server computes
 * `userHash = hex(HMAC-SHA256(secret, id))` and puts it in the page; with a secret configured, an id
 * whose hash does not match is ignored — not stored, so never used for recognition.
 * Pure apart from node:crypto.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

/** What the business's server computes (documented in docs/embed.md). */
export function userHashOf(secret: string, id: string): string {
  return createHmac('sha256', secret).update(id, 'utf8').digest('hex')
}

export function isValidUserHash(secret: string, id: string, userHash: string | undefined): boolean {
  if (!userHash || !/^[0-9a-f]{64}$/i.test(userHash)) return false
  return timingSafeEqual(Buffer.from(userHashOf(secret, id), 'hex'), Buffer.from(userHash, 'hex'))
}

/**
 * The identified id to store from one PATCH: `undefined` = leave the stored one as it is.
 * - no `id` sent → unchanged; `null` → cleared (signing out cannot impersonate anyone);
 * - no identity secret on the widget → the id as given (unverified, see docs/embed.md);
 * - a secret → the id only with a matching `userHash`, else unchanged (`rejected: true`).
 */
export function identifiedIdToStore(input: {
  id: string | null | undefined
  userHash: string | undefined
  secret: string | null
}): { externalId: string | null | undefined; rejected: boolean } {
  const { id, userHash, secret } = input
  if (id === undefined || id === null) return { externalId: id, rejected: false }
  if (secret === null) return { externalId: id, rejected: false }
  return isValidUserHash(secret, id, userHash)
    ? { externalId: id, rejected: false }
    : { externalId: undefined, rejected: true }
}
