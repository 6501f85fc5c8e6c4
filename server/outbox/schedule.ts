/**
 * The retry schedule (issue 6, item 2), pure: the relay passes `now` and `random`.
 *
 * The steps follow the Standard Webhooks spec ("immediately, 5 seconds, 5 minutes, 30 minutes,
 * 2 hours, 5 hours, 10 hours, 10 hours") and keep repeating the last step until about three days
 * after the schedule started (creation or the last replay); then the delivery is dead-lettered.
 * Each wait is drawn with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter":
 * `random_between(0, step)`), so deliveries that failed together — a CRM outage — do not come back
 * together. A `Retry-After` from the CRM is a floor under the drawn wait.
 */
export interface RetryPolicy {
  /** Upper bound of the wait after the 1st, 2nd, … failure; the last step repeats. */
  stepsMs: readonly number[]
  /** Dead-letter once the schedule has run this long. */
  maxAgeMs: number
  /** Never retry sooner than this (a random 0 must not make a tight loop). */
  minDelayMs: number
  /** A Retry-After longer than this is cut to it: a broken CRM must not park deliveries for a year. */
  maxRetryAfterMs: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

export const STANDARD_WEBHOOKS_POLICY: RetryPolicy = {
  stepsMs: [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR],
  maxAgeMs: 72 * HOUR,
  minDelayMs: SECOND,
  maxRetryAfterMs: HOUR,
}

/** The wait after the `failures`-th failure (1-based), full jitter, before any Retry-After. */
export function jitteredDelay(failures: number, random: () => number, policy: RetryPolicy): number {
  const steps = policy.stepsMs
  const step = steps[Math.min(Math.max(failures, 1), steps.length) - 1] ?? policy.minDelayMs
  return Math.max(policy.minDelayMs, Math.floor(random() * step))
}

export type NextAttempt = { kind: 'retry'; at: number } | { kind: 'dead' }

/**
 * After a failed attempt: when to try again, or dead. The last attempt is placed at the deadline
 * itself, so a delivery always gets a try at the very end of its three days.
 */
export function nextAttempt(input: {
  failures: number
  retryFrom: number
  now: number
  random: () => number
  retryAfterMs?: number | undefined
  policy: RetryPolicy
}): NextAttempt {
  const deadline = input.retryFrom + input.policy.maxAgeMs
  if (input.now >= deadline) return { kind: 'dead' }
  const drawn = jitteredDelay(input.failures, input.random, input.policy)
  const delay = Math.max(drawn, retryAfter(input.retryAfterMs, input.policy))
  return { kind: 'retry', at: Math.min(input.now + delay, deadline) }
}

/** The CRM's Retry-After, capped by the policy. */
export function retryAfter(retryAfterMs: number | undefined, policy: RetryPolicy): number {
  return Math.min(retryAfterMs ?? 0, policy.maxRetryAfterMs)
}
