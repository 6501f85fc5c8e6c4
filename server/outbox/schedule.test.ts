import { describe, expect, it } from 'vitest'
import { CrmError } from '../crm/crm-error.ts'
import { classifyFailure } from './failure.ts'
import { jitteredDelay, nextAttempt, STANDARD_WEBHOOKS_POLICY as P } from './schedule.ts'

const HOUR = 3_600_000
const T0 = 1_700_000_000_000

describe('retry schedule (issue 6, item 2)', () => {
  it('draws each wait with full jitter below the Standard Webhooks step', () => {
    const steps = [5_000, 300_000, 1_800_000, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR, 10 * HOUR]
    steps.forEach((step, i) => {
      expect(jitteredDelay(i + 1, () => 0.999_999, P)).toBe(Math.floor(0.999_999 * step))
      expect(jitteredDelay(i + 1, () => 0.5, P)).toBe(step / 2)
    })
  })

  it('never waits less than the floor, even when the draw is 0', () => {
    expect(jitteredDelay(1, () => 0, P)).toBe(P.minDelayMs)
  })

  it('honours Retry-After as a floor under the drawn wait', () => {
    const next = nextAttempt({
      failures: 1,
      retryFrom: T0,
      now: T0,
      random: () => 0.1,
      retryAfterMs: 60_000,
      policy: P,
    })
    expect(next).toEqual({ kind: 'retry', at: T0 + 60_000 })
    const small = nextAttempt({
      failures: 3,
      retryFrom: T0,
      now: T0,
      random: () => 0.5,
      retryAfterMs: 1_000,
      policy: P,
    })
    expect(small).toEqual({ kind: 'retry', at: T0 + 900_000 })
    const absurd = nextAttempt({
      failures: 1,
      retryFrom: T0,
      now: T0,
      random: () => 0.1,
      retryAfterMs: 400 * 86_400_000,
      policy: P,
    })
    expect(absurd).toEqual({ kind: 'retry', at: T0 + HOUR })
  })

  it('places the last attempt at the deadline and dead-letters after about three days', () => {
    const late = T0 + 71 * HOUR
    expect(nextAttempt({ failures: 12, retryFrom: T0, now: late, random: () => 0.99, policy: P })).toEqual({
      kind: 'retry',
      at: T0 + 72 * HOUR,
    })
    expect(
      nextAttempt({ failures: 13, retryFrom: T0, now: T0 + 72 * HOUR, random: () => 0.5, policy: P }),
    ).toEqual({
      kind: 'dead',
    })
  })

  it('with the maximal draw, the whole schedule runs three days: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h …', () => {
    let now = T0
    let failures = 0
    const waits: number[] = []
    for (;;) {
      failures += 1
      const next = nextAttempt({ failures, retryFrom: T0, now, random: () => 1, policy: P })
      if (next.kind === 'dead') break
      waits.push(next.at - now)
      now = next.at
    }
    expect(waits.slice(0, 7)).toEqual([5_000, 300_000, 1_800_000, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR])
    expect(now).toBe(T0 + 72 * HOUR)
  })
})

describe('failure classification', () => {
  it('keeps the CRM error code, Retry-After and ambiguity', () => {
    const error = new CrmError({
      crm: 'bitrix24',
      code: 'rate_limited',
      message: 'QUERY_LIMIT_EXCEEDED',
      retryable: true,
      status: 503,
      retryAfterMs: 2_000,
    })
    expect(classifyFailure(error)).toEqual({
      message: 'rate_limited (503): QUERY_LIMIT_EXCEEDED',
      retryable: true,
      ambiguous: false,
      retryAfterMs: 2_000,
      rateLimited: true,
    })
    const timeout = new CrmError({
      crm: 'tryton',
      code: 'timeout',
      message: 't',
      retryable: true,
      ambiguous: true,
    })
    expect(classifyFailure(timeout).ambiguous).toBe(true)
  })

  it('retries our own failures, not ambiguous', () => {
    expect(classifyFailure(new Error('db down'))).toMatchObject({
      retryable: true,
      ambiguous: false,
      message: 'internal: db down',
    })
  })
})
