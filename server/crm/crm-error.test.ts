import { describe, expect, it } from 'vitest'
import { CrmError, redact } from './crm-error.ts'

describe('redact', () => {
  it('removes secrets and their URL-encoded form, longest first', () => {
    const secret = 'a/b+c=token'
    expect(redact(`x ${secret} y ${encodeURIComponent(secret)}`, [secret])).toBe('x [redacted] y [redacted]')
    expect(
      redact('https://p.example/rest/1/abcdef/ and abcdef', ['https://p.example/rest/1/abcdef/', 'abcdef']),
    ).toBe('[redacted] and [redacted]')
  })

  it('leaves very short strings alone so messages stay readable', () => {
    expect(redact('a 1 b', ['1'])).toBe('a 1 b')
  })
})

describe('CrmError', () => {
  it('redacts its message and vendor code, and serialises its classification', () => {
    const error = new CrmError(
      {
        crm: 'amocrm',
        code: 'rate_limited',
        message: 'token sekrit123 throttled',
        retryable: true,
        retryAfterMs: 1000,
        vendorCode: 'X sekrit123',
      },
      ['sekrit123'],
    )
    expect(error.message).toBe('token [redacted] throttled')
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'CrmError',
      crm: 'amocrm',
      code: 'rate_limited',
      message: 'token [redacted] throttled',
      retryable: true,
      ambiguous: false,
      retryAfterMs: 1000,
      vendorCode: 'X [redacted]',
    })
  })
})
