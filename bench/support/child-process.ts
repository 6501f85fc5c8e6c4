/**
 * Starts a bench server (bare-ws-server.ts or bench-server.ts) as a child Node process with
 * --expose-gc and an IPC channel, reads its address from the first stdout line, and measures its
 * resident memory from /proc/<pid>/status (what the kernel charges the process, not V8's view).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { isProbeReply } from './server-probe.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface MemoryReading {
  /** VmRSS from /proc (bytes); the child's own process.memoryUsage().rss where /proc is missing. */
  rss: number
  heapUsed: number
  gcForced: boolean
  /** CPU time the child used since it started (ms). */
  cpuMs: number
  loopActiveMs: number
  loopIdleMs: number
}

export interface BenchChild {
  url: string
  pid: number
  child: ChildProcess
  /** Reads the child's memory and CPU time; with `gc`, after forcing full collections. */
  probe(options: { gc: boolean }): Promise<MemoryReading>
  stderr(): string
  stop(): Promise<void>
}

export async function spawnBenchChild(
  script: string,
  /** Merged over the bench's environment; `undefined` removes a variable. */
  env: Record<string, string | undefined>,
  timeoutMs = 30_000,
): Promise<BenchChild> {
  const merged = Object.entries({ ...process.env, ...env }).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  )
  // BENCH_CPU_PROF=<folder>: each child writes a V8 CPU profile there on exit (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : []
  const child = spawn(process.execPath, ['--expose-gc', ...profile, '--import', 'tsx', script], {
    cwd: ROOT,
    env: Object.fromEntries(merged),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let err = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    // Keep the tail only: a noisy child must not grow the bench's own memory.
    err = (err + chunk).slice(-20_000)
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start in ${timeoutMs} ms:\n${err}`)),
      timeoutMs,
    )
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const match = /listening at (http:\/\/\S+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code} before listening:\n${err}`))
    })
  })
  const pid = child.pid!
  const exited = () => child.exitCode !== null || child.signalCode !== null
  return {
    url,
    pid,
    child,
    stderr: () => err,
    async probe({ gc }) {
      const reply = await new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${script} did not answer the probe`)), 30_000)
        const onMessage = (message: unknown) => {
          if (!isProbeReply(message)) return
          clearTimeout(timer)
          child.off('message', onMessage)
          resolve(message)
        }
        child.on('message', onMessage)
        child.send({ type: 'probe', gc })
      })
      if (!isProbeReply(reply)) throw new Error('unreachable: probe reply shape')
      const rss = (await readVmRss(pid)) ?? reply.rss
      return { ...reply, rss }
    },
    async stop() {
      if (exited()) return
      const gone = once(child, 'exit')
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await gone
      clearTimeout(timer)
    },
  }
}

/** VmRSS in bytes, or undefined off Linux. */
async function readVmRss(pid: number): Promise<number | undefined> {
  let status: string
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)
  return match ? Number(match[1]) * 1024 : undefined
}

export interface ServerLoad {
  /** The child's CPU time ÷ wall time, in percent of one core. */
  cpuPercent: number
  /** Share of the wall time the child's event loop was busy (CPU work and synchronous I/O such as fsync). */
  loopBusyPercent: number
  /** The bench process's own CPU (the load generator), in percent of one core: it shares the machine. */
  clientCpuPercent: number
}

/** Runs `work` and reports how busy the child was meanwhile. */
export async function withServerLoad<T>(
  child: BenchChild,
  work: () => Promise<T>,
): Promise<{ result: T; load: ServerLoad }> {
  const before = await child.probe({ gc: false })
  const started = performance.now()
  const client = process.cpuUsage()
  const result = await work()
  const clientUsage = process.cpuUsage(client)
  const wallMs = performance.now() - started
  const after = await child.probe({ gc: false })
  const active = after.loopActiveMs - before.loopActiveMs
  const idle = after.loopIdleMs - before.loopIdleMs
  return {
    result,
    load: {
      cpuPercent: ((after.cpuMs - before.cpuMs) / wallMs) * 100,
      loopBusyPercent: active + idle > 0 ? (active / (active + idle)) * 100 : Number.NaN,
      clientCpuPercent: ((clientUsage.user + clientUsage.system) / 1000 / wallMs) * 100,
    },
  }
}
