/**
 * The relay's knobs (issue 6), from the validated configuration: `OUTBOX_*`, `CRM_TIMEOUT_MS` and
 * `CRM_PACE_PER_SECOND` are parsed with the rest of the environment in server/config, so a wrong
 * value stops start-up with the usual one line instead of being ignored (issue "Server core"). The
 * defaults are the production ones; the chaos test and the bench shorten the schedule and lift the
 * vendors' pacing because they talk to local fakes. Table in docs/crm.md, "Settings".
 */
import type { OutboxConfig } from '../config/index.ts'
import type { AdapterCacheOptions } from './connection-adapters.ts'
import type { RelayOptions } from './relay.ts'
import { STANDARD_WEBHOOKS_POLICY } from './schedule.ts'

/** Only what is set overrides the relay's and the adapters' own defaults. */
export function relaySettings(outbox: OutboxConfig): {
  relay: Partial<RelayOptions>
  adapters: AdapterCacheOptions
} {
  const relay: Partial<RelayOptions> = {}
  const { retryStepsMs, maxAgeMs, minDelayMs, maxRetryAfterMs } = outbox
  if (
    retryStepsMs !== undefined ||
    maxAgeMs !== undefined ||
    minDelayMs !== undefined ||
    maxRetryAfterMs !== undefined
  ) {
    relay.policy = {
      stepsMs: retryStepsMs ?? STANDARD_WEBHOOKS_POLICY.stepsMs,
      maxAgeMs: maxAgeMs ?? STANDARD_WEBHOOKS_POLICY.maxAgeMs,
      minDelayMs: minDelayMs ?? STANDARD_WEBHOOKS_POLICY.minDelayMs,
      maxRetryAfterMs: maxRetryAfterMs ?? STANDARD_WEBHOOKS_POLICY.maxRetryAfterMs,
    }
  }
  if (outbox.leaseMs !== undefined) relay.leaseMs = outbox.leaseMs
  if (outbox.sweepMs !== undefined) relay.sweepMs = outbox.sweepMs
  if (outbox.batchSize !== undefined) relay.batchSize = outbox.batchSize
  const adapters: AdapterCacheOptions = {}
  if (outbox.crmTimeoutMs !== undefined) adapters.timeoutMs = outbox.crmTimeoutMs
  if (outbox.crmPacePerSecond !== undefined) adapters.perSecondOverride = outbox.crmPacePerSecond
  return { relay, adapters }
}
