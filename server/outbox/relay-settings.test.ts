import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config/index.ts'
import { DEFAULT_RELAY_OPTIONS } from './relay.ts'
import { relaySettings } from './relay-settings.ts'
import { STANDARD_WEBHOOKS_POLICY } from './schedule.ts'

const from = (env: Record<string, string>) => relaySettings(loadConfig(env).outbox)

describe('relaySettings (issue 6 knobs through the validated configuration)', () => {
  it('overrides nothing when no knob is set: the production defaults stay', () => {
    expect(from({})).toEqual({ relay: {}, adapters: {} })
    expect(DEFAULT_RELAY_OPTIONS).toMatchObject({ leaseMs: 60_000, batchSize: 16, sweepMs: 5_000 })
  })

  it('fills the rest of the retry policy with the standard one when one part is set', () => {
    expect(from({ OUTBOX_RETRY_STEPS_MS: '50,100' }).relay.policy).toEqual({
      ...STANDARD_WEBHOOKS_POLICY,
      stepsMs: [50, 100],
    })
    expect(from({ OUTBOX_MIN_DELAY_MS: '10' }).relay.policy).toEqual({
      ...STANDARD_WEBHOOKS_POLICY,
      minDelayMs: 10,
    })
  })

  it('passes lease, sweep, batch, timeout and pacing through, 0 pacing included', () => {
    expect(
      from({
        OUTBOX_LEASE_MS: '300',
        OUTBOX_SWEEP_MS: '200',
        OUTBOX_BATCH: '64',
        CRM_TIMEOUT_MS: '400',
        CRM_PACE_PER_SECOND: '0',
      }),
    ).toEqual({
      relay: { leaseMs: 300, sweepMs: 200, batchSize: 64 },
      adapters: { timeoutMs: 400, perSecondOverride: 0 },
    })
  })
})
