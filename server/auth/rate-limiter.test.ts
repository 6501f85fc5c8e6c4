import { describe, expect, it } from 'vitest'
import { runRateLimiterContract } from './rate-limiter.contract.ts'
import { createRateLimiter } from './rate-limiter.ts'

const MINUTE = 60_000

describe('createRateLimiter', () => {
  runRateLimiterContract((options) => createRateLimiter(options))

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
