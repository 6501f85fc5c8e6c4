/**
 * One contract for every rate limiter the HTTP layer may be handed: in-process (one node) and Redis
 * (several nodes). `make` returns a fresh limiter whose keys no other test shares.
 */
import { expect, it } from 'vitest'
import type { RateLimiterOptions, RateLimitGate } from './rate-limiter.ts'

const MINUTE = 60_000

export function runRateLimiterContract(
  make: (options: Pick<RateLimiterOptions, 'limit' | 'windowMs'>) => RateLimitGate,
): void {
  it('allows `limit` hits per sliding window, then says when to retry', async () => {
    const limiter = make({ limit: 5, windowMs: 15 * MINUTE })
    for (let i = 0; i < 5; i++)
      expect(await limiter.hit('ip|mail', 1000 + i * MINUTE)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(await limiter.hit('ip|mail', 1000 + 5 * MINUTE)).toEqual({
      allowed: false,
      retryAfterMs: 10 * MINUTE,
    })
    expect((await limiter.hit('ip|mail', 1000 + 15 * MINUTE - 1)).allowed).toBe(false)
    expect(await limiter.hit('ip|mail', 1000 + 15 * MINUTE)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(await limiter.hit('ip|mail', 1000 + 15 * MINUTE + 1)).toEqual({
      allowed: false,
      retryAfterMs: MINUTE - 1,
    })
  })

  it('does not lengthen the lockout for refused hits', async () => {
    const limiter = make({ limit: 1, windowMs: MINUTE })
    expect((await limiter.hit('k', 0)).allowed).toBe(true)
    for (let t = 1; t < MINUTE; t += 5000) expect((await limiter.hit('k', t)).allowed).toBe(false)
    expect((await limiter.hit('k', MINUTE)).allowed).toBe(true)
  })

  it('counts keys separately and forgets a key on reset', async () => {
    const limiter = make({ limit: 1, windowMs: MINUTE })
    expect((await limiter.hit('a', 0)).allowed).toBe(true)
    expect((await limiter.hit('b', 0)).allowed).toBe(true)
    expect((await limiter.hit('a', 1)).allowed).toBe(false)
    await limiter.reset?.('a')
    expect((await limiter.hit('a', 2)).allowed).toBe(true)
    expect((await limiter.hit('b', 2)).allowed).toBe(false)
  })
}
