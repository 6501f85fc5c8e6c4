import { describe, expect, it } from 'vitest'
import { generateWebhookSecret, sign, signatureHeader, verifyWebhookSignature } from './index.ts'

describe('Standard Webhooks signatures', () => {
  it('matches the reference test vector', () => {
    const signature = sign(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    )
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')
  })

  const secret = generateWebhookSecret()
  const body = '{"type":"lead.created","timestamp":"2025-03-01T10:00:00.000Z","data":{}}'
  const now = Date.parse('2025-03-01T10:00:30Z')
  const timestamp = Math.floor(now / 1000)
  const headers = (signature = signatureHeader([secret], 'msg_1', timestamp, body), at = timestamp) => ({
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(at),
    'webhook-signature': signature,
  })

  it('accepts a valid delivery, from a plain object or a fetch Headers', () => {
    expect(verifyWebhookSignature(secret, headers(), body, now)).toEqual({ ok: true, id: 'msg_1', timestamp })
    expect(verifyWebhookSignature([secret], new Headers(headers()), body, now).ok).toBe(true)
  })

  it('accepts any matching signature among several, and any of the receiver secrets', () => {
    const other = generateWebhookSecret()
    const both = signatureHeader([other, secret], 'msg_1', timestamp, body)
    expect(verifyWebhookSignature(secret, headers(both), body, now).ok).toBe(true)
    expect(verifyWebhookSignature([other, generateWebhookSecret()], headers(), body, now)).toEqual({
      ok: false,
      reason: 'no-matching-signature',
    })
  })

  it('refuses a changed body, a missing header and timestamps outside the tolerance', () => {
    expect(verifyWebhookSignature(secret, headers(), `${body} `, now).ok).toBe(false)
    expect(verifyWebhookSignature(secret, { 'webhook-id': 'msg_1' }, body, now)).toEqual({
      ok: false,
      reason: 'missing-headers',
    })
    const old = timestamp - 301
    const stale = headers(signatureHeader([secret], 'msg_1', old, body), old)
    expect(verifyWebhookSignature(secret, stale, body, now)).toEqual({
      ok: false,
      reason: 'timestamp-too-old',
    })
    expect(verifyWebhookSignature(secret, stale, body, now, 600).ok).toBe(true)
    const future = timestamp + 301
    const early = headers(signatureHeader([secret], 'msg_1', future, body), future)
    expect(verifyWebhookSignature(secret, early, body, now)).toEqual({
      ok: false,
      reason: 'timestamp-too-new',
    })
  })
})
