import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff.ts'

describe('backoffDelay', () => {
  it('grows as 2^n × 250 ms, capped at 10 s', () => {
    const top = () => 0.999999
    expect([0, 1, 2, 3, 5, 6, 40, 2000].map((n) => backoffDelay(n, top))).toEqual([
      249, 499, 999, 1999, 7999, 9999, 9999, 9999,
    ])
  })

  it('applies full jitter: anywhere from 0 to the bound', () => {
    expect(backoffDelay(3, () => 0)).toBe(0)
    expect(backoffDelay(3, () => 0.5)).toBe(1000)
  })
})
