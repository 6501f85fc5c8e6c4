import type { GatewayLog } from './types.ts'

/** The default when the composition root passes no logger: problems only, one JSON line each. */
export const writeLogToStderr: GatewayLog = (level, msg, fields) => {
  if (level !== 'warn' && level !== 'error') return
  process.stderr.write(`${JSON.stringify({ level, component: 'gateway', msg, ...fields })}\n`)
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message
  return String(error)
}
