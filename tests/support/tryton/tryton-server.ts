/**
 * Stops and starts the test Tryton through `.ci/tryton.sh`, for the "Tryton stopped mid-run"
 * test. The port comes from TRYTON_URL so the script addresses the server the tests use.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const SCRIPT = fileURLToPath(new URL('../../../.ci/tryton.sh', import.meta.url))

export interface TrytonServerControl {
  stop(): Promise<void>
  /** Returns once JSON-RPC answers and the admin can log in again. */
  start(): Promise<void>
}

export function trytonServer(url: string): TrytonServerControl {
  const port = new URL(url).port || '80'
  const env = { ...process.env, TRYTON_PORT: port }
  const script = async (command: 'start' | 'stop') => {
    await run(SCRIPT, [command], { env, timeout: 120_000 })
  }
  return { stop: () => script('stop'), start: () => script('start') }
}
