import { describe, expect, it } from 'vitest'
import { percentile, perSecond, ratio, summarize } from './stats.ts'

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1)

  it('returns the nearest-rank sample', () => {
    expect(percentile(hundred, 50)).toBe(50)
    expect(percentile(hundred, 99)).toBe(99)
    expect(percentile(hundred, 100)).toBe(100)
    expect(percentile(hundred, 0)).toBe(1)
    expect(percentile([10, 20, 30], 50)).toBe(20)
    expect(percentile([10, 20, 30, 40], 99)).toBe(40)
  })

  it('is NaN without samples and refuses out-of-range p', () => {
    expect(percentile([], 50)).toBeNaN()
    expect(() => percentile(hundred, 101)).toThrow(RangeError)
    expect(() => percentile(hundred, Number.NaN)).toThrow(RangeError)
  })
})

describe('summarize', () => {
  it('sorts numerically, not as strings', () => {
    const s = summarize([9, 100, 10, 1, 2])
    expect(s).toMatchObject({ count: 5, min: 1, p50: 9, p99: 100, max: 100 })
    expect(s.mean).toBeCloseTo(24.4)
  })

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2]
    summarize(samples)
    expect(samples).toEqual([3, 1, 2])
  })

  it('reports an empty run as NaN, not zero latency', () => {
    const s = summarize([])
    expect(s.count).toBe(0)
    expect(s.p50).toBeNaN()
    expect(s.mean).toBeNaN()
  })
})

describe('ratio and perSecond', () => {
  it('divides, and refuses meaningless inputs', () => {
    expect(ratio(3, 2)).toBe(1.5)
    expect(ratio(3, 0)).toBeNaN()
    expect(ratio(Number.NaN, 2)).toBeNaN()
    expect(perSecond(500, 250)).toBe(2000)
    expect(perSecond(5, 0)).toBeNaN()
  })
})
