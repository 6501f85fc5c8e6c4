/**
 * An Openline server child on seeded data, with the operator already signed in over HTTP (the
 * login limiter allows 5 per 15 minutes per IP: one sign-in per child).
 */
import { randomBytes } from 'node:crypto'
import { type OperatorSession, signIn } from '../../tests/support/http-client.ts'
import { type BenchChild, spawnBenchChild } from './child-process.ts'
import type { SeededWorkspace } from './seed.ts'
import { type SocketTarget, toWsUrl } from './sockets.ts'

export interface OpenlineTarget {
  server: BenchChild
  seeded: SeededWorkspace
  operator: OperatorSession
  visitor(token: string): SocketTarget
  operatorSocket(): SocketTarget
}

export function newBenchSecret(): string {
  return randomBytes(32).toString('base64url')
}

export interface TargetStorage {
  /** SQLite folder, or a PostgreSQL URL (with the bench schema on its search_path). */
  dataDir: string
  databaseUrl?: string
}

/** The server child alone (the memory phase needs no operator). */
export function spawnOpenline(storage: TargetStorage, secret: string): Promise<BenchChild> {
  return spawnBenchChild('bench/support/bench-server.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: undefined,
    DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl,
    // One process, in-process fan-out: the bench measures one node.
    REDIS_URL: undefined,
    OPENLINE_SECRET: secret,
    DEMO: 'false',
    LOG_LEVEL: 'warn',
  })
}

export function visitorSocket(server: BenchChild, token: string): SocketTarget {
  return { url: toWsUrl(server.url, `/ws?role=visitor&token=${encodeURIComponent(token)}`) }
}

export async function startOpenlineTarget(
  storage: TargetStorage,
  secret: string,
  seeded: SeededWorkspace,
): Promise<OpenlineTarget> {
  const server = await spawnOpenline(storage, secret)
  try {
    const operator = await signIn(server.url, seeded.operator.email, seeded.operator.password)
    return {
      server,
      seeded,
      operator,
      visitor: (token) => visitorSocket(server, token),
      operatorSocket: () => ({ url: operator.wsUrl, headers: operator.wsHeaders }),
    }
  } catch (error) {
    await server.stop()
    throw error
  }
}
