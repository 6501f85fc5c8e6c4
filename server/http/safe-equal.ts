import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Constant-time string comparison. Both sides are hashed first so the comparison takes the same
 * time whatever their lengths (timingSafeEqual itself requires equal lengths).
 */
export function safeEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a).digest()
  const digestB = createHash('sha256').update(b).digest()
  return timingSafeEqual(digestA, digestB)
}
