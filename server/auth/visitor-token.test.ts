import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  newTokenSecret,
  signVisitorToken,
  type VisitorTokenPayload,
  verifyVisitorToken,
} from './visitor-token.ts'

const secret = 'a-test-secret-that-is-long-enough-0123456789'
const payload: VisitorTokenPayload = {
  workspaceId: 'ws_1',
  visitorId: 'vis_1',
  widgetId: 'wid_1',
  issuedAt: 1_700_000_000_000,
}

/** Builds a token with a valid MAC over an arbitrary body, to reach the checks behind the MAC. */
function signRaw(body: string): string {
  const signedPart = `v1.${Buffer.from(body).toString('base64url')}`
  return `${signedPart}.${createHmac('sha256', secret).update(signedPart).digest('base64url')}`
}

describe('visitor tokens', () => {
  it('round-trips the payload in the compact v1 format', () => {
    const token = signVisitorToken(secret, payload)
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(verifyVisitorToken(secret, token)).toEqual(payload)
    expect(signVisitorToken(secret, payload)).toBe(token)
  })

  it('carries a null widget id for visitors without a widget', () => {
    const token = signVisitorToken(secret, { ...payload, widgetId: null })
    expect(verifyVisitorToken(secret, token)).toEqual({ ...payload, widgetId: null })
  })

  it('rejects a token signed with another secret', () => {
    const token = signVisitorToken(newTokenSecret(), payload)
    expect(verifyVisitorToken(secret, token)).toBeNull()
  })

  it('rejects a token whose payload was swapped', () => {
    const [version, , signature] = signVisitorToken(secret, payload).split('.')
    const forged = Buffer.from(JSON.stringify({ ...payload, visitorId: 'vis_2' })).toString('base64url')
    expect(verifyVisitorToken(secret, `${version}.${forged}.${signature}`)).toBeNull()
  })

  it('rejects a flipped signature character and a non-canonical signature encoding', () => {
    const token = signVisitorToken(secret, payload)
    const last = token.at(-1)!
    const flipped = `${token.slice(0, -5)}${token.at(-5) === 'A' ? 'B' : 'A'}${token.slice(-4)}`
    expect(verifyVisitorToken(secret, flipped)).toBeNull()
    // 32 bytes take 43 characters whose last one carries 2 unused bits: flipping one of those decodes
    // to the very same MAC, and must still be refused.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const sameBytes = alphabet[alphabet.indexOf(last) ^ 1]!
    const noncanonical = `${token.slice(0, -1)}${sameBytes}`
    expect(Buffer.from(noncanonical.split('.')[2]!, 'base64url')).toEqual(
      Buffer.from(token.split('.')[2]!, 'base64url'),
    )
    expect(verifyVisitorToken(secret, noncanonical)).toBeNull()
  })

  it('returns null, never throws, for malformed input of any kind', () => {
    const token = signVisitorToken(secret, payload)
    const [, body, signature] = token.split('.') as [string, string, string]
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      ['v1', body, signature],
      '',
      'v1',
      'v1..',
      `v2.${body}.${signature}`,
      `V1.${body}.${signature}`,
      `v1.${body}`,
      `${token}.extra`,
      `v1.${body}!.${signature}`,
      `v1.${body}.${signature}=`,
      `v1.${body}.${signature.slice(0, -2)}`,
      ` ${token}`,
      `${token}${'A'.repeat(2000)}`,
      signRaw('not json'),
      signRaw('null'),
      signRaw('[]'),
      signRaw(JSON.stringify({ ...payload, issuedAt: -1 })),
      signRaw(JSON.stringify({ ...payload, visitorId: '' })),
      signRaw(JSON.stringify({ workspaceId: 'ws_1', visitorId: 'vis_1' })),
    ]
    for (const input of inputs) expect(verifyVisitorToken(secret, input)).toBeNull()
    expect(verifyVisitorToken(secret, signRaw(JSON.stringify(payload)))).toEqual(payload)
  })

  it('refuses to sign an invalid payload or with a short secret', () => {
    expect(() => signVisitorToken(secret, { ...payload, issuedAt: 1.5 })).toThrow()
    expect(() => signVisitorToken(secret, { ...payload, workspaceId: '' })).toThrow()
    expect(() => signVisitorToken('short', payload)).toThrow(RangeError)
    expect(() => verifyVisitorToken('short', 'v1.a.b')).toThrow(RangeError)
  })

  it('generates distinct secrets long enough to sign with', () => {
    const a = newTokenSecret()
    expect(a).not.toBe(newTokenSecret())
    expect(verifyVisitorToken(a, signVisitorToken(a, payload))).toEqual(payload)
  })
})
