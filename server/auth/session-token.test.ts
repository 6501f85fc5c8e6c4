import { describe, expect, it } from 'vitest'
import { csrfTokenMatches, newCsrfToken, newSessionToken, sessionIdFromToken } from './session-token.ts'

describe('session tokens', () => {
  it('are 32 random bytes in base64url', () => {
    const token = newSessionToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    expect(newSessionToken()).not.toBe(token)
  })

  it('are stored as their SHA-256 in hex', () => {
    expect(sessionIdFromToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    const token = newSessionToken()
    expect(sessionIdFromToken(token)).toBe(sessionIdFromToken(token))
    expect(sessionIdFromToken(token)).not.toBe(sessionIdFromToken(newSessionToken()))
  })
})

describe('CSRF tokens', () => {
  it('are random and compared exactly', () => {
    const token = newCsrfToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(newCsrfToken()).not.toBe(token)
    expect(csrfTokenMatches(token, token)).toBe(true)
    expect(csrfTokenMatches(token, `${token}x`)).toBe(false)
    expect(csrfTokenMatches(token, token.slice(0, -1))).toBe(false)
    expect(csrfTokenMatches(token, newCsrfToken())).toBe(false)
    expect(csrfTokenMatches(token, undefined)).toBe(false)
    expect(csrfTokenMatches(token, null)).toBe(false)
    expect(csrfTokenMatches('', '')).toBe(false)
  })
})
