import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Bus } from '../bus/types.ts'
import type { Actor, ChatService } from '../chat/types.ts'
import type { Store } from '../store/types.ts'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type GatewayLog = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void

export interface GatewayDeps {
  store: Store
  bus: Bus
  chat: ChatService
  clock: { now(): number }
  /** Key that signs visitor tokens. */
  secret: string
  /** Where browsers reach this server (e.g. http://127.0.0.1:8080): the operator console's origin. */
  publicOrigin: string
  /** Ping interval; a socket that missed the previous ping is terminated. Default 30 s. */
  heartbeatMs?: number
  /** Most bytes queued for one socket before it is closed as a slow consumer. Default 1 MiB. */
  maxBufferedBytes?: number
  log?: GatewayLog
}

export interface Gateway {
  /** Authenticates, then upgrades; answers the raw socket with an HTTP error otherwise. Never throws. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Open sockets on this node. */
  connections(): number
  /** Closes every socket with 1001, unsubscribes from the bus and stops the heartbeat. */
  close(): Promise<void>
}

/**
 * What the gateway keeps per socket. Deliberately tiny (the bench measures memory per idle
 * connection): no closures, no timers — shared handlers reach it through the socket.
 */
export interface Connection {
  /** The channel and presence key are derived from it on open and close rather than stored. */
  actor: Actor
  /** Answered the last ping. */
  alive: boolean
  /** Frames received and not yet answered (sequential per socket). */
  pending: number
  /** The end of this socket's frame chain; null when idle. */
  tail: Promise<void> | null
  /** Bus frames that arrived before `session.ready` was sent; null once ready. */
  backlog: { frames: Buffer[]; bytes: number } | null
  /** An operator's sign-in session: the socket closes when it ends (issue "Open lines"). */
  session: { id: string; expiresAt: number } | null
}
