/**
 * Starts Openline as a real child process (`server/main.ts` under tsx), the way `npm start` does,
 * and reads its address from the first line it prints. Used by the tests that are about processes:
 * two nodes sharing PostgreSQL + Redis, and a SIGKILL in the middle of a stream.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Everything the process wrote to stderr so far (logs), for failure messages. */
  stderr: () => string
  /** SIGKILL: no shutdown hooks, no flush — a crash. */
  kill(): Promise<void>
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>
}

export async function spawnServer(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${timeoutMs} ms:\n${err}`)),
      timeoutMs,
    )
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const match = /running at (http:\/\/\S+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before it started:\n${err}`))
    })
  })
  const exited = () => child.exitCode !== null || child.signalCode !== null
  return {
    url,
    child,
    stderr: () => err,
    async kill() {
      if (exited()) return
      const gone = once(child, 'exit')
      child.kill('SIGKILL')
      await gone
    },
    async stop() {
      if (exited()) return
      const gone = once(child, 'exit')
      child.kill('SIGTERM')
      await gone
    },
  }
}
