import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './load-config.ts'

describe('loadConfig', () => {
  it('gives the zero-config default: embedded storage, in-process bus, demo on', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:8080',
      dataDir: './.data',
      databaseUrl: undefined,
      redisUrl: undefined,
      demo: true,
      cookieSecure: false,
    })
  })

  it('derives Secure cookies from an https PUBLIC_URL and strips its trailing slash', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://chat.example.com/' })
    expect(c.publicUrl).toBe('https://chat.example.com')
    expect(c.cookieSecure).toBe(true)
  })

  it('names the variable, the value and the expectation in one line', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(ConfigError)
    // No try/catch: a loadConfig that stopped throwing must fail this test, not skip its checks.
    const message = configErrorOf({ PORT: '70000' })
    expect(message).toMatch(/^Invalid PORT="70000": expected .+/)
    expect(message).not.toContain('\n')
  })

  it('masks secrets in the error', () => {
    expect(() => loadConfig({ OPENLINE_SECRET: 'short-secret' })).toThrowError(
      /OPENLINE_SECRET="sh…\(12 chars\)"/,
    )
  })

  it('creates the demo by default only on a local setup (issue "Server core")', () => {
    // `npm start` with no configuration, and other loopback names
    expect(loadConfig({}).demo).toBe(true)
    expect(loadConfig({ HOST: 'localhost' }).demo).toBe(true)
    expect(loadConfig({ HOST: '::1', PUBLIC_URL: 'http://[::1]:8080' }).demo).toBe(true)
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).demo).toBe(true)
    // reachable by others: all interfaces, an https address, a public name even over http
    expect(loadConfig({ HOST: '0.0.0.0' }).demo).toBe(false)
    expect(loadConfig({ HOST: '192.168.1.10' }).demo).toBe(false)
    expect(loadConfig({ PUBLIC_URL: 'https://chat.example.com' }).demo).toBe(false)
    expect(loadConfig({ PUBLIC_URL: 'https://localhost:8443' }).demo).toBe(false)
    expect(loadConfig({ PUBLIC_URL: 'http://chat.example.com' }).demo).toBe(false)
    // DEMO, when given, wins either way
    expect(loadConfig({ HOST: '0.0.0.0', DEMO: 'true' }).demo).toBe(true)
    expect(loadConfig({ DEMO: 'false' }).demo).toBe(false)
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false)
  })

  it('reads TRUST_PROXY as a small whole number of hops, default 0', () => {
    expect(loadConfig({}).trustProxy).toBe(0)
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(configErrorOf({ TRUST_PROXY: 'true' })).toBe(
      'Invalid TRUST_PROXY="true": expected a whole number 0–10',
    )
    expect(configErrorOf({ TRUST_PROXY: '-1' })).toMatch(
      /^Invalid TRUST_PROXY="-1": expected a whole number 0–10$/,
    )
    expect(configErrorOf({ TRUST_PROXY: '11' })).toMatch(/^Invalid TRUST_PROXY="11"/)
  })

  it('reads the CRM relay knobs; unset or empty leaves the production defaults (issue 6)', () => {
    expect(loadConfig({}).outbox).toEqual({
      retryStepsMs: undefined,
      maxAgeMs: undefined,
      minDelayMs: undefined,
      maxRetryAfterMs: undefined,
      leaseMs: undefined,
      sweepMs: undefined,
      batchSize: undefined,
      crmTimeoutMs: undefined,
      crmPacePerSecond: undefined,
    })
    expect(loadConfig({ OUTBOX_LEASE_MS: '', OUTBOX_RETRY_STEPS_MS: '' }).outbox.leaseMs).toBeUndefined()
    expect(
      loadConfig({
        OUTBOX_RETRY_STEPS_MS: '50, 100,200',
        OUTBOX_MAX_AGE_MS: '60000',
        OUTBOX_MIN_DELAY_MS: '10',
        OUTBOX_MAX_RETRY_AFTER_MS: '0',
        OUTBOX_LEASE_MS: '300',
        OUTBOX_SWEEP_MS: '200',
        OUTBOX_BATCH: '64',
        CRM_TIMEOUT_MS: '400',
        CRM_PACE_PER_SECOND: '0',
      }).outbox,
    ).toEqual({
      retryStepsMs: [50, 100, 200],
      maxAgeMs: 60000,
      minDelayMs: 10,
      maxRetryAfterMs: 0,
      leaseMs: 300,
      sweepMs: 200,
      batchSize: 64,
      crmTimeoutMs: 400,
      crmPacePerSecond: 0,
    })
  })

  it('refuses a bad relay knob in one line instead of ignoring it', () => {
    const steps = 'expected comma-separated whole milliseconds, each ≥ 1, e.g. 5000,300000,1800000'
    expect(configErrorOf({ OUTBOX_RETRY_STEPS_MS: '5000,abc' })).toBe(
      `Invalid OUTBOX_RETRY_STEPS_MS="5000,abc": ${steps}`,
    )
    for (const bad of ['5000,0', '5000,,60000', '-5', '1.5', '5s', ',']) {
      expect(configErrorOf({ OUTBOX_RETRY_STEPS_MS: bad })).toBe(
        `Invalid OUTBOX_RETRY_STEPS_MS=${JSON.stringify(bad)}: ${steps}`,
      )
    }
    expect(configErrorOf({ OUTBOX_LEASE_MS: '0' })).toBe(
      'Invalid OUTBOX_LEASE_MS="0": expected a whole number ≥ 1',
    )
    expect(configErrorOf({ OUTBOX_BATCH: '0' })).toBe(
      'Invalid OUTBOX_BATCH="0": expected a whole number 1–10000',
    )
    expect(configErrorOf({ OUTBOX_SWEEP_MS: '0' })).toMatch(/^Invalid OUTBOX_SWEEP_MS="0": expected a whole/)
    expect(configErrorOf({ CRM_TIMEOUT_MS: '0' })).toMatch(/^Invalid CRM_TIMEOUT_MS="0": expected a whole/)
    // Node fires a longer timer at once: a sweep of 30 days would be a busy loop.
    expect(configErrorOf({ OUTBOX_SWEEP_MS: String(30 * 24 * 3600_000) })).toMatch(
      /expected a whole number 1–2147483647$/,
    )
    expect(configErrorOf({ OUTBOX_MIN_DELAY_MS: '1e3' })).toMatch(/^Invalid OUTBOX_MIN_DELAY_MS="1e3"/)
    expect(configErrorOf({ OUTBOX_MAX_AGE_MS: 'three days' })).toMatch(/^Invalid OUTBOX_MAX_AGE_MS=/)
    expect(configErrorOf({ CRM_PACE_PER_SECOND: '-1' })).toBe(
      'Invalid CRM_PACE_PER_SECOND="-1": expected a whole number ≥ 0',
    )
  })

  it('rejects a non-postgres DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL/)
  })
})

/** The ConfigError message for `env`; fails the calling test when loadConfig does not throw one. */
function configErrorOf(env: Record<string, string>): string {
  const error = (() => {
    try {
      loadConfig(env)
    } catch (caught) {
      return caught
    }
    throw new Error(`loadConfig accepted ${JSON.stringify(env)}`)
  })()
  expect(error).toBeInstanceOf(ConfigError)
  return (error as ConfigError).message
}
