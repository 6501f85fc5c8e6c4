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
    try {
      loadConfig({ PORT: '70000' })
    } catch (error) {
      expect(String((error as Error).message)).toMatch(/^Invalid PORT="70000": expected .+/)
      expect(String((error as Error).message)).not.toContain('\n')
    }
  })

  it('masks secrets in the error', () => {
    expect(() => loadConfig({ OPENLINE_SECRET: 'short-secret' })).toThrowError(
      /OPENLINE_SECRET="sh…\(12 chars\)"/,
    )
  })

  it('rejects a non-postgres DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL/)
  })
})
