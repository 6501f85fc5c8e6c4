import { isIP } from 'node:net'
import type { Context } from 'hono'
import type { AppEnv } from './deps.ts'

/**
 * The address rate limits are keyed on (sign-in, new visitors, form submissions).
 *
 * With `trustedProxies` = 0 (the default) it is the peer of the TCP connection and X-Forwarded-For
 * is ignored: any client can set that header, and limits keyed on it would be trivially bypassed.
 *
 * Behind load balancers (TRUST_PROXY = n, issue "Server core"), every address is the peer of a
 * trusted proxy until n hops have been walked, so the rightmost-untrusted rule applies: the chain is
 * X-Forwarded-For's entries followed by the TCP peer, read from the right; the first n addresses
 * are our proxies, the next one is the client as our outermost proxy saw it. Entries further left
 * were written by the client and are never used. A chain shorter than n (a request that reached us
 * through fewer proxies) gives its leftmost address, as Express's numeric `trust proxy` does; a
 * malformed entry stops the walk at the last well-formed address, the hop that passed it on.
 */
export function clientIp(c: Context<AppEnv>, trustedProxies = 0): string {
  const peer = c.env?.incoming?.socket?.remoteAddress ?? 'unknown'
  return clientIpFrom(peer, c.req.header('X-Forwarded-For'), trustedProxies)
}

/** The pure part of `clientIp`. */
export function clientIpFrom(peer: string, forwardedFor: string | undefined, trustedProxies: number): string {
  if (trustedProxies <= 0 || !forwardedFor) return peer
  // Several X-Forwarded-For headers arrive joined with ", " in their order, as RFC 9110 allows.
  const entries = forwardedFor.split(',').map((entry) => entry.trim())
  let client = peer
  for (let hop = 0; hop < trustedProxies; hop++) {
    const next = address(entries.pop())
    if (next === undefined) break
    client = next
  }
  return client
}

/** An IP address, also from the `1.2.3.4:port` and `[::1]:port` forms some proxies write. */
function address(entry: string | undefined): string | undefined {
  if (entry === undefined) return undefined
  if (isIP(entry) !== 0) return entry
  const withPort = /^\[([^\]]+)\]:\d+$/.exec(entry) ?? /^([\d.]+):\d+$/.exec(entry)
  const host = withPort?.[1]
  return host !== undefined && isIP(host) !== 0 ? host : undefined
}
