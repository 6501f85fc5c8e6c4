import { describe, expect, it } from 'vitest'
import { clientIpFrom } from './client-ip.ts'

const LB = '10.0.0.5'

describe('clientIpFrom (issue "Server core": TRUST_PROXY)', () => {
  it('with no trusted proxy, is the TCP peer whatever X-Forwarded-For says', () => {
    expect(clientIpFrom('203.0.113.7', undefined, 0)).toBe('203.0.113.7')
    expect(clientIpFrom('203.0.113.7', '192.0.2.1', 0)).toBe('203.0.113.7')
  })

  it('behind one proxy, is the rightmost entry: the address the proxy saw', () => {
    expect(clientIpFrom(LB, '198.51.100.4', 1)).toBe('198.51.100.4')
    // Whatever the client wrote itself sits to the left and is never used.
    expect(clientIpFrom(LB, '192.0.2.1, 10.9.9.9, 198.51.100.4', 1)).toBe('198.51.100.4')
  })

  it('behind two proxies (CDN, then load balancer), skips the CDN entry', () => {
    expect(clientIpFrom(LB, '192.0.2.1, 198.51.100.4, 172.16.0.2', 2)).toBe('198.51.100.4')
    expect(clientIpFrom(LB, '2001:db8::1, 172.16.0.2', 2)).toBe('2001:db8::1')
  })

  it('with fewer entries than trusted hops, is the leftmost address there is', () => {
    expect(clientIpFrom(LB, '198.51.100.4', 3)).toBe('198.51.100.4')
    expect(clientIpFrom(LB, undefined, 2)).toBe(LB)
    expect(clientIpFrom(LB, '', 2)).toBe(LB)
  })

  it('stops at a malformed entry at the hop that passed it on', () => {
    expect(clientIpFrom(LB, 'evil, not-an-ip', 2)).toBe(LB)
    expect(clientIpFrom(LB, 'not-an-ip, 198.51.100.4', 2)).toBe('198.51.100.4')
    expect(clientIpFrom(LB, '198.51.100.4,', 1)).toBe(LB)
  })

  it('reads addresses that carry a port', () => {
    expect(clientIpFrom(LB, '198.51.100.4:51234', 1)).toBe('198.51.100.4')
    expect(clientIpFrom(LB, '[2001:db8::9]:443', 1)).toBe('2001:db8::9')
  })
})
