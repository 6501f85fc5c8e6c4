/**
 * Operator/test knobs of the relay, read from the environment (issue 6). The defaults are the
 * production ones; the chaos test and the bench shorten the schedule and lift the vendors' pacing
 * because they talk to local fakes.
 *
 *   OUTBOX_RETRY_STEPS_MS   comma-separated upper bounds of the retry waits (default 5s,5m,30m,2h,5h,10h)
 *   OUTBOX_MAX_AGE_MS       dead-letter after the schedule ran this long (default 3 days)
 *   OUTBOX_MIN_DELAY_MS     shortest retry wait (default 1000)
 *   OUTBOX_MAX_RETRY_AFTER_MS  longest Retry-After honoured (default 1 hour)
 *   OUTBOX_LEASE_MS         claim length; a dead node's rows come back after it (default 60000)
 *   OUTBOX_SWEEP_MS         longest sleep between looks at the database (default 5000)
 *   OUTBOX_BATCH            rows claimed and delivered concurrently per round (default 16)
 *   CRM_TIMEOUT_MS          per-request timeout towards CRMs (default 15000)
 *   CRM_PACE_PER_SECOND     replaces every adapter's documented rate; 0 = unpaced (local fakes only)
 */
import type { AdapterCacheOptions } from './connection-adapters.ts'
import type { RelayOptions } from './relay.ts'
import { STANDARD_WEBHOOKS_POLICY } from './schedule.ts'

type Env = Record<string, string | undefined>

function int(env: Env, name: string): number | undefined {
  const raw = env[name]
  if (raw === undefined || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`)
  return Math.floor(value)
}

export function relaySettingsFromEnv(env: Env): {
  relay: Partial<RelayOptions>
  adapters: AdapterCacheOptions
} {
  const steps = env.OUTBOX_RETRY_STEPS_MS?.split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isFinite(n) && n > 0)
  const maxAge = int(env, 'OUTBOX_MAX_AGE_MS')
  const minDelay = int(env, 'OUTBOX_MIN_DELAY_MS')
  const maxRetryAfter = int(env, 'OUTBOX_MAX_RETRY_AFTER_MS')
  const relay: Partial<RelayOptions> = {}
  if (
    (steps && steps.length > 0) ||
    maxAge !== undefined ||
    minDelay !== undefined ||
    maxRetryAfter !== undefined
  ) {
    relay.policy = {
      stepsMs: steps && steps.length > 0 ? steps : STANDARD_WEBHOOKS_POLICY.stepsMs,
      maxAgeMs: maxAge ?? STANDARD_WEBHOOKS_POLICY.maxAgeMs,
      minDelayMs: minDelay ?? STANDARD_WEBHOOKS_POLICY.minDelayMs,
      maxRetryAfterMs: maxRetryAfter ?? STANDARD_WEBHOOKS_POLICY.maxRetryAfterMs,
    }
  }
  const lease = int(env, 'OUTBOX_LEASE_MS')
  const sweep = int(env, 'OUTBOX_SWEEP_MS')
  const batch = int(env, 'OUTBOX_BATCH')
  if (lease) relay.leaseMs = lease
  if (sweep) relay.sweepMs = sweep
  if (batch) relay.batchSize = batch
  const adapters: AdapterCacheOptions = {}
  const timeout = int(env, 'CRM_TIMEOUT_MS')
  const pace = int(env, 'CRM_PACE_PER_SECOND')
  if (timeout) adapters.timeoutMs = timeout
  if (pace !== undefined) adapters.perSecondOverride = pace
  return { relay, adapters }
}
