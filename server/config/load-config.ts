import type { z } from 'zod'
import { type Env, envSchema } from './env-schema.ts'

export interface Config {
  port: number
  host: string
  publicUrl: string
  dataDir: string
  databaseUrl: string | undefined
  redisUrl: string | undefined
  secret: string | undefined
  adminToken: string | undefined
  demo: boolean
  cookieSecure: boolean
  logLevel: Env['LOG_LEVEL']
  /** issue 5, item 4: largest attachment in bytes. */
  attachmentMaxBytes: number
  /** Trusted proxy hops in front of the server; X-Forwarded-For is read through this many. */
  trustProxy: number
  /** issue 6: the CRM relay's knobs (server/outbox/relay-settings.ts). */
  outbox: OutboxConfig
}

/** Each undefined = the relay's production default (docs/crm.md, "Settings"). */
export interface OutboxConfig {
  retryStepsMs: number[] | undefined
  maxAgeMs: number | undefined
  minDelayMs: number | undefined
  maxRetryAfterMs: number | undefined
  leaseMs: number | undefined
  sweepMs: number | undefined
  batchSize: number | undefined
  crmTimeoutMs: number | undefined
  crmPacePerSecond: number | undefined
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Reads and validates the environment. A wrong value stops start-up with one line naming the
 * variable, the value and what was expected (issue "Server core", item 2).
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env)
  if (!result.success) throw new ConfigError(describeIssue(result.error.issues[0], env))
  const e = result.data
  const publicUrl = (
    e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`
  ).replace(/\/+$/, '')
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    secret: e.OPENLINE_SECRET,
    adminToken: e.ADMIN_TOKEN,
    demo: e.DEMO ?? isLocalSetup(publicUrl, e.HOST),
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    trustProxy: e.TRUST_PROXY,
    outbox: {
      retryStepsMs: e.OUTBOX_RETRY_STEPS_MS,
      maxAgeMs: e.OUTBOX_MAX_AGE_MS,
      minDelayMs: e.OUTBOX_MIN_DELAY_MS,
      maxRetryAfterMs: e.OUTBOX_MAX_RETRY_AFTER_MS,
      leaseMs: e.OUTBOX_LEASE_MS,
      sweepMs: e.OUTBOX_SWEEP_MS,
      batchSize: e.OUTBOX_BATCH,
      crmTimeoutMs: e.CRM_TIMEOUT_MS,
      crmPacePerSecond: e.CRM_PACE_PER_SECOND,
    },
  }
}

/**
 * The demo's admin password is published (README), so it is only created unasked on a machine
 * nobody else reaches (issue "Server core"): listening on loopback, and browsers coming over plain
 * http to a loopback name. An https or other public address means a real deployment, even behind a
 * proxy on the same machine; `npm install && npm start` (the defaults) stays a local setup.
 */
function isLocalSetup(publicUrl: string, host: string): boolean {
  const url = new URL(publicUrl)
  return url.protocol === 'http:' && isLoopback(url.hostname) && isLoopback(host)
}

function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name)
}

function describeIssue(issue: z.core.$ZodIssue | undefined, env: Record<string, string | undefined>): string {
  if (!issue) return 'Invalid configuration'
  const name = String(issue.path[0] ?? '?')
  const value = env[name]
  const shown = value === undefined ? '(unset)' : JSON.stringify(isSecret(name) ? mask(value) : value)
  return `Invalid ${name}=${shown}: expected ${issue.message}`
}

function isSecret(name: string): boolean {
  return /SECRET|TOKEN|PASSWORD|DATABASE_URL|REDIS_URL/.test(name)
}

function mask(value: string): string {
  return value.length <= 4 ? '****' : `${value.slice(0, 2)}…(${value.length} chars)`
}
