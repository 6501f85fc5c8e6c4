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
    .refine((n) => n >= min && n <= max, expected)
}

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
})

export type Env = z.infer<typeof envSchema>
