/**
 * A minimal structured logger: one JSON object per line on stderr, so a process manager or log
 * shipper can parse it. Passed in as a plain function; nothing logs at import time.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>
export type Log = (level: LogLevel, message: string, fields?: LogFields) => void

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export function createLogger(
  minLevel: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now: () => number = Date.now,
): Log {
  return (level, message, fields) => {
    if (RANK[level] < RANK[minLevel]) return
    write(JSON.stringify({ time: new Date(now()).toISOString(), level, message, ...serialise(fields) }))
  }
}

/** Errors do not survive JSON.stringify; keep their name, message and stack. */
function serialise(fields: LogFields | undefined): LogFields {
  if (!fields) return {}
  const out: LogFields = {}
  for (const [key, value] of Object.entries(fields)) {
    out[key] =
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
  }
  return out
}

/** For tests: a log that drops everything below `warn`. */
export const quietLog: Log = createLogger('error', () => {})
