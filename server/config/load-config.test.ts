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
