import { randomBytes } from 'node:crypto'

/** 72 random bits, URL-safe: unguessable, so a public chat page is only found through its link. */
export function newPublicSlug(): string {
  return randomBytes(9).toString('base64url')
}
