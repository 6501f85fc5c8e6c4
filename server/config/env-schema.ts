/**
 * Every environment variable Openline reads, validated once at start-up. The README's
 * configuration table mirrors this file.
 */
import { z } from 'zod'

const port = z.coerce.number().int().min(0).max(65535)
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')
/** A whole number written in decimal digits, at least `min`; one message for every way it is wrong. */
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => {
  const expected =
    max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number ${min}–${max}`
  return z
    .string()
    .trim()
    .regex(/^\d+$/, expected)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n >= min && n <= max, expected)
}
/** Longest delay Node's timers take; a longer one fires at once (a sweep or timeout of 0). */
const MAX_TIMER_MS = 2_147_483_647
/**
 * A relay knob (issue 6): unset or empty means the built-in production default, as when these
 * were read by hand; anything else must be valid, never silently ignored (issue "Server core").
 */
const knob = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())
const RETRY_STEPS = 'comma-separated whole milliseconds, each ≥ 1, e.g. 5000,300000,1800000'
const retrySteps = z
  .string()
  .refine(
    (value) =>
      value.split(',').every((step) => {
        const n = Number(step.trim())
        return /^\d+$/.test(step.trim()) && Number.isSafeInteger(n) && n >= 1
      }),
    RETRY_STEPS,
  )
  .transform((value) => value.split(',').map((step) => Number(step.trim())))

export const envSchema = z.object({
  PORT: port.default(8080).describe('TCP port of the HTTP and WebSocket server'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on (0.0.0.0 for all)'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('Address visitors and operators reach this server at (default http://HOST:PORT)'),
  DATA_DIR: z.string().min(1).default('./.data').describe('Folder of the embedded SQLite database'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string')
    .optional()
    .describe('PostgreSQL connection string; when set, used instead of the embedded SQLite'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// URL')
    .optional()
    .describe('Redis URL for fan-out between several server processes; default in-process'),
  OPENLINE_SECRET: z
    .string()
    .min(32, 'at least 32 characters')
    .optional()
    .describe('Key that signs visitor tokens; default generated once and kept in the database'),
  ADMIN_TOKEN: z
    .string()
    .min(24, 'at least 24 characters')
    .optional()
    .describe('Bearer token for installation-wide admin endpoints (create workspaces); off when unset'),
  DEMO: bool
    .optional()
    .describe(
      'Create a demo workspace, line, widget and operator when the database is empty (default: true only on a local setup: HOST loopback and an http PUBLIC_URL on a loopback host)',
    ),
  COOKIE_SECURE: bool
    .optional()
    .describe('Mark the session cookie Secure (default: true when PUBLIC_URL is https)'),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'])
    .default('info')
    .describe('Least severe log level written'),
  // issue "Server core": the client address behind load balancers (server/http/client-ip.ts)
  TRUST_PROXY: wholeNumber(0, 10)
    .default(0)
    .describe(
      'Proxies in front of the server (load balancer, CDN) whose X-Forwarded-For entries are trusted; 0 = none',
    ),
  // issue 5, item 4: attachments
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024, 'at least 1024')
    .max(100 * 1024 * 1024, 'at most 104857600 (100 MB: files are kept in the database)')
    .default(10 * 1024 * 1024)
    .describe('Largest file a visitor or operator may attach, in bytes'),
  // issue 6: the CRM relay's knobs (docs/crm.md, "Settings"); unset = the production default
  OUTBOX_RETRY_STEPS_MS: knob(retrySteps).describe(
    'Upper bounds of the retry waits, comma-separated; the last one repeats (default 5s,5m,30m,2h,5h,10h)',
  ),
  OUTBOX_MAX_AGE_MS: knob(wholeNumber(1)).describe(
    'Dead-letter a delivery after its schedule ran this long (default 3 days)',
  ),
  OUTBOX_MIN_DELAY_MS: knob(wholeNumber(1)).describe('Shortest retry wait (default 1000)'),
  OUTBOX_MAX_RETRY_AFTER_MS: knob(wholeNumber(0)).describe('Longest Retry-After honoured (default 1 hour)'),
  OUTBOX_LEASE_MS: knob(wholeNumber(1)).describe(
    "How long a claim holds a delivery; a dead node's deliveries come back after it (default 60000)",
  ),
  OUTBOX_SWEEP_MS: knob(wholeNumber(1, MAX_TIMER_MS)).describe(
    'Longest sleep between looks at the database (default 5000)',
  ),
  OUTBOX_BATCH: knob(wholeNumber(1, 10_000)).describe(
    'Deliveries claimed and sent concurrently per round (default 16)',
  ),
  CRM_TIMEOUT_MS: knob(wholeNumber(1, MAX_TIMER_MS)).describe(
    'Per-request timeout towards CRMs (default 15000)',
  ),
  CRM_PACE_PER_SECOND: knob(wholeNumber(0)).describe(
    "Replaces every connection's documented request rate; 0 = unpaced (local fakes only)",
  ),
})

export type Env = z.infer<typeof envSchema>
