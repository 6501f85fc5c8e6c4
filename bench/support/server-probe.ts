/**
 * The child side of the server measurements, over IPC. On `{ type: 'probe', gc: true }` it forces
 * full garbage collections first (when started with --expose-gc), so "RSS per idle connection" is
 * not inflated by garbage waiting for the next GC; every reply carries the CPU time and event-loop
 * time used so far.
 */
import { performance } from 'node:perf_hooks'

export interface ProbeRequest {
  type: 'probe'
  gc: boolean
}

export interface ProbeReply {
  type: 'probe'
  gcForced: boolean
  rss: number
  heapUsed: number
  /** User + system CPU time of the process since it started, in milliseconds. */
  cpuMs: number
  /** Event-loop busy and idle time since start (ms): busy includes synchronous fsyncs, CPU time does not. */
  loopActiveMs: number
  loopIdleMs: number
}

export function answerProbes(proc: NodeJS.Process): void {
  proc.on('message', (message: unknown) => {
    if (!isProbe(message)) return
    const gc = message.gc ? globalThis.gc : undefined
    // Several passes: the first one frees objects whose finalisers release more.
    if (gc) for (let i = 0; i < 3; i++) gc()
    const { rss, heapUsed } = process.memoryUsage()
    const { user, system } = process.cpuUsage()
    const loop = performance.eventLoopUtilization()
    const reply: ProbeReply = {
      type: 'probe',
      gcForced: Boolean(gc),
      rss,
      heapUsed,
      cpuMs: (user + system) / 1000,
      loopActiveMs: loop.active,
      loopIdleMs: loop.idle,
    }
    proc.send?.(reply)
  })
}

function isProbe(message: unknown): message is ProbeRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'probe'
}

export function isProbeReply(message: unknown): message is ProbeReply {
  return isProbe(message) && typeof (message as { rss?: unknown }).rss === 'number'
}
