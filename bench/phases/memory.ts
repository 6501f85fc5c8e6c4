/**
 * Phase 4: resident memory per idle connection. For a server child: warm the code paths with a
 * few connections, force GC and read VmRSS; open `idleConnections` sockets (Openline: authenticated
 * visitors that got `session.ready`), let the process settle, force GC and read VmRSS again.
 * (after − before) / connections is what one more idle widget costs the server.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type WebSocket from 'ws'
import { type BenchChild, type MemoryReading, spawnBenchChild } from '../support/child-process.ts'
import { spawnOpenline, type TargetStorage, visitorSocket } from '../support/openline-target.ts'
import { closeClients, openClients, type SocketTarget, toWsUrl } from '../support/sockets.ts'

export interface MemoryResult {
  connections: number
  before: MemoryReading
  after: MemoryReading
  rssPerConnection: number
  heapPerConnection: number
}

const WARM_UP_CONNECTIONS = 50
/** Timers, handshakes' leftovers and lazily allocated buffers settle within this. */
const SETTLE_MS = 2000

export async function measureIdleMemory(
  server: BenchChild,
  connections: number,
  target: (index: number) => SocketTarget,
  firstFrame: boolean,
): Promise<MemoryResult> {
  const warm = await openClients(Math.min(WARM_UP_CONNECTIONS, connections), target, { firstFrame })
  await closeClients(warm)
  await sleep(SETTLE_MS)
  const before = await server.probe({ gc: true })
  let sockets: WebSocket[] = []
  try {
    sockets = await openClients(connections, target, { firstFrame, concurrency: 50 })
    await sleep(SETTLE_MS)
    const after = await server.probe({ gc: true })
    const open = sockets.filter((ws) => ws.readyState === ws.OPEN).length
    if (open !== connections) throw new Error(`only ${open} of ${connections} idle sockets stayed open`)
    return {
      connections,
      before,
      after,
      rssPerConnection: (after.rss - before.rss) / connections,
      heapPerConnection: (after.heapUsed - before.heapUsed) / connections,
    }
  } finally {
    await closeClients(sockets)
  }
}

export async function bareWsMemory(connections: number): Promise<MemoryResult> {
  const server = await spawnBenchChild('bench/support/bare-ws-server.ts', {})
  try {
    const url = toWsUrl(server.url, '/ws')
    return await measureIdleMemory(server, connections, () => ({ url }), false)
  } finally {
    await server.stop()
  }
}

/** A fresh server child, so nothing from the latency phases is still held. */
export async function openlineMemory(
  storage: TargetStorage,
  secret: string,
  tokens: readonly string[],
  connections: number,
): Promise<MemoryResult> {
  if (tokens.length < connections)
    throw new Error(`need ${connections} visitor tokens, have ${tokens.length}`)
  const server = await spawnOpenline(storage, secret)
  try {
    return await measureIdleMemory(server, connections, (i) => visitorSocket(server, tokens[i]!), true)
  } finally {
    await server.stop()
  }
}
