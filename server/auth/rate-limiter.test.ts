import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limiter.ts'

const MINUTE = 60_000

describe('createRateLimiter', () => {
  it('allows `limit` hits per window, then says when to retry', () => {
    const limiter = createRateLimiter({ limit: 5, windowMs: 15 * MINUTE })
    for (let i = 0; i < 5; i++)
      expect(limiter.hit('ip|mail', 1000 + i * MINUTE)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(limiter.hit('ip|mail', 1000 + 5 * MINUTE)).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE })
    // The window slides: at 15 min after the first hit, that hit no longer counts.
    expect(limiter.hit('ip|mail', 1000 + 15 * MINUTE - 1).allowed).toBe(false)
    expect(limiter.hit('ip|mail', 1000 + 15 * MINUTE)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(limiter.hit('ip|mail', 1000 + 15 * MINUTE + 1)).toEqual({
      allowed: false,
      retryAfterMs: MINUTE - 1,
    })
  })

  it('does not lengthen the lockout for refused hits', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: MINUTE })
    expect(limiter.hit('k', 0).allowed).toBe(true)
    for (let t = 1; t < MINUTE; t += 1000) expect(limiter.hit('k', t).allowed).toBe(false)
    expect(limiter.hit('k', MINUTE).allowed).toBe(true)
  })

  it('counts keys separately and forgets a key on reset', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: MINUTE })
    expect(limiter.hit('a', 0).allowed).toBe(true)
    expect(limiter.hit('b', 0).allowed).toBe(true)
    expect(limiter.hit('a', 1).allowed).toBe(false)
    limiter.reset('a')
    expect(limiter.hit('a', 2).allowed).toBe(true)
    expect(limiter.hit('b', 2).allowed).toBe(false)
  })

  it('prunes keys whose hits all left the window', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: MINUTE })
    limiter.hit('a', 0)
    limiter.hit('b', 10)
    limiter.hit('c', 30 * 1000)
    expect(limiter.size).toBe(3)
    limiter.hit('d', MINUTE + 10)
    expect(limiter.size).toBe(2)
    expect(limiter.hit('c', MINUTE + 11)).toEqual({ allowed: true, retryAfterMs: 0 })
  })

  it('caps the number of keys by dropping the least recently hit', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: MINUTE, maxKeys: 3 })
    for (const key of ['a', 'b', 'c']) limiter.hit(key, 0)
    limiter.hit('a', 1)
    limiter.hit('d', 2)
    expect(limiter.size).toBe(3)
    expect(limiter.hit('b', 3).allowed).toBe(true)
    expect(limiter.hit('a', 4).allowed).toBe(false)
    expect(limiter.hit('d', 5).allowed).toBe(false)
  })

  it('rejects nonsensical options', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: MINUTE })).toThrow(RangeError)
    expect(() => createRateLimiter({ limit: 1.5, windowMs: MINUTE })).toThrow(RangeError)
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError)
    expect(() => createRateLimiter({ limit: 1, windowMs: MINUTE, maxKeys: 0 })).toThrow(RangeError)
  })
})
