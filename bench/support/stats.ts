/**
 * The statistics every bench phase reports. Percentiles use the nearest-rank method (the value at
 * rank ⌈p·n⌉ of the sorted samples), so a reported p99 is always a latency that was really seen.
 */

export interface Summary {
  count: number
  min: number
  p50: number
  p90: number
  p99: number
  max: number
  mean: number
}

/** Nearest-rank percentile of ascending `sorted`; p in [0, 100]. NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`)
  if (sorted.length === 0) return Number.NaN
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort()
  const values = Array.from(sorted)
  const sum = values.reduce((total, v) => total + v, 0)
  return {
    count: values.length,
    min: values.length ? values[0]! : Number.NaN,
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
    max: values.length ? values[values.length - 1]! : Number.NaN,
    mean: values.length ? sum / values.length : Number.NaN,
  }
}

/** `a / b`, or NaN when either is missing or b is 0 (a ratio to a failed floor means nothing). */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN
}

/** Events per second over `elapsedMs`. */
export function perSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : Number.NaN
}
