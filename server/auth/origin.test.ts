import { describe, expect, it } from 'vitest'
import { isOriginAllowed, isOriginEntry } from './origin.ts'

describe('isOriginAllowed', () => {
  it('allows anything, even no Origin, when the list is empty', () => {
    expect(isOriginAllowed('https://anything.test', [])).toBe(true)
    expect(isOriginAllowed(undefined, [])).toBe(true)
  })

  it('refuses a missing or unparsable Origin when a list is set', () => {
    for (const origin of [undefined, '', 'null', 'example.com', 'file:///etc', 'javascript:alert(1)']) {
      expect(isOriginAllowed(origin, ['https://example.com', '*'])).toBe(false)
    }
  })

  it('matches scheme, host and port exactly after normalising', () => {
    const allowed = ['https://example.com']
    expect(isOriginAllowed('https://example.com', allowed)).toBe(true)
    expect(isOriginAllowed('HTTPS://Example.COM', allowed)).toBe(true)
    expect(isOriginAllowed('https://example.com:443', allowed)).toBe(true)
    expect(isOriginAllowed('https://example.com/', allowed)).toBe(true)
    expect(isOriginAllowed('http://example.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://example.com:8443', allowed)).toBe(false)
    expect(isOriginAllowed('https://www.example.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://example.co', allowed)).toBe(false)
  })

  it('is not fooled by look-alike hosts', () => {
    const allowed = ['https://example.com', 'https://*.example.com']
    expect(isOriginAllowed('https://example.com.evil.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://evilexample.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://example.com@evil.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://evil.com/https://example.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://evil.com?https://example.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://example.com/path', allowed)).toBe(false)
  })

  it('normalises the allowed entries too', () => {
    expect(isOriginAllowed('https://example.com', ['https://Example.com/'])).toBe(true)
    expect(isOriginAllowed('http://localhost:8080', ['http://LOCALHOST:8080/'])).toBe(true)
    expect(isOriginAllowed('http://example.com', ['http://example.com:80'])).toBe(true)
    expect(isOriginAllowed('https://example.com', ['  https://example.com  '])).toBe(true)
    expect(isOriginAllowed('https://xn--bcher-kva.example', ['https://bücher.example'])).toBe(true)
  })

  it('lets `*.` entries match subdomains only, with their scheme and port', () => {
    const allowed = ['https://*.example.com']
    expect(isOriginAllowed('https://app.example.com', allowed)).toBe(true)
    expect(isOriginAllowed('https://a.b.EXAMPLE.com:443', allowed)).toBe(true)
    expect(isOriginAllowed('https://example.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://.example.com', allowed)).toBe(false)
    expect(isOriginAllowed('http://app.example.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://app.example.com:8443', allowed)).toBe(false)
    expect(isOriginAllowed('https://app.example.com.evil.com', allowed)).toBe(false)
    expect(isOriginAllowed('https://app.example.com:8443', ['https://*.example.com:8443'])).toBe(true)
  })

  it('accepts a lone `*` and ignores malformed entries instead of failing open', () => {
    expect(isOriginAllowed('https://any.test', ['*'])).toBe(true)
    const junk = ['', 'example.com', 'https://*', 'https://*.', 'https://ex*ample.com', 'ftp://example.com']
    for (const origin of ['https://example.com', 'https://a.example.com']) {
      expect(isOriginAllowed(origin, junk)).toBe(false)
    }
  })

  it('takes as an allow-list entry only scheme, host and port, or a subdomain wildcard', () => {
    for (const entry of [
      'https://shop.example.com',
      'http://localhost:3000',
      'https://*.example.com',
      'https://*.example.com:8443',
      'https://xn--80ak6aa92e.com',
    ])
      expect(isOriginEntry(entry), entry).toBe(true)
    for (const entry of [
      '*',
      '',
      'shop.example.com',
      'https://shop.example.com/',
      'https://shop.example.com/cart',
      'https://shop.example.com?x=1',
      'https://shop.example.com#top',
      'https://user@shop.example.com',
      'https://shop.example.com:99999',
      'ftp://shop.example.com',
      'https://*',
      'https://ex*ample.com',
    ])
      expect(isOriginEntry(entry), entry).toBe(false)
  })
})
