import type { Context } from 'hono'
import type { AppEnv } from './deps.ts'

/**
 * The peer address of the TCP connection. X-Forwarded-For is deliberately ignored: any client can
 * set it, and rate limits keyed on it would be trivially bypassed.
 */
export function clientIp(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown'
}
