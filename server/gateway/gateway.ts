/**
 * The realtime WebSocket gateway (issue "Server core", item 5): authenticates upgrades, relays
 * client frames to the chat service one at a time per socket, and fans bus frames out to the
 * local sockets of each channel.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type RawData, type ServerOptions, WebSocket, WebSocketServer } from 'ws'
import { channels } from '../bus/types.ts'
import type { Actor } from '../chat/types.ts'
import { linePositions, resumeFrames } from '../lines/index.ts'
import { CLOSE_CODES, type ServerFrame } from '../protocol/messages.ts'
import { authenticateUpgrade, type UpgradeAuth } from './authenticate-upgrade.ts'
import { handleClientFrame } from './frame-handlers.ts'
import { parseClientFrame } from './frame-parser.ts'
import { GatewaySocket } from './gateway-socket.ts'
import { markAlive, startHeartbeat } from './heartbeat.ts'
import { createLocalFanout } from './local-fanout.ts'
import { describeError, writeLogToStderr } from './log.ts'
import { applyOperatorProfile, OPERATOR_PROFILE_CHANNEL } from './operator-profile.ts'
import { startPresenceRefresh } from './presence-refresh.ts'
import { rejectUpgrade } from './reject-upgrade.ts'
import { encodeFrame, type SendLimits, safeSend, sendPaced } from './safe-send.ts'
import {
  closeExpiredSessions,
  closeSessionSockets,
  SESSION_END_CHANNEL,
  SESSION_END_REASONS,
} from './session-end.ts'
import type { Connection, Gateway, GatewayDeps } from './types.ts'

const MIB = 1024 * 1024
/** Hard cap enforced by ws (it closes with 1009); the protocol's smaller limit gets `frame_too_large`. */
const MAX_PAYLOAD_BYTES = MIB
/** How long a closing handshake may take before ws destroys the socket (a reader that stopped reading). */
const CLOSE_TIMEOUT_MS = 5000
/** Frames queued on one socket before it stops reading from it, so a flooding client is held by TCP. */
const PAUSE_AT_PENDING = 32
const RESUME_AT_PENDING = 8
const IDLE: Promise<void> = Promise.resolve()

type OperatorActor = Extract<Actor, { kind: 'operator' }>

function channelOf(actor: Actor): string {
  return actor.kind === 'operator'
    ? channels.operators(actor.workspaceId)
    : channels.visitor(actor.workspaceId, actor.visitorId)
}

export function createGateway(deps: GatewayDeps): Gateway {
  const { chat, clock } = deps
  const log = deps.log ?? writeLogToStderr
  const publicOrigin = new URL(deps.publicOrigin).origin
  const maxBufferedBytes = deps.maxBufferedBytes ?? MIB
  const authDeps = { store: deps.store, clock, secret: deps.secret, publicOrigin }
  // A burst of reconnecting visitors of one line shares one load of its queue (issue "Open lines").
  const positionsOf = linePositions(deps.store)
  const limits: SendLimits = {
    maxBufferedBytes,
    onSlowConsumer(_ws, details) {
      log('warn', 'closed slow consumer', { ...details, maxBufferedBytes })
    },
  }
  // closeTimeout is a ws 8 server option (see websocket-server.js) that @types/ws does not list yet.
  const options: ServerOptions<typeof GatewaySocket> & { closeTimeout: number } = {
    noServer: true,
    maxPayload: MAX_PAYLOAD_BYTES,
    perMessageDeflate: false,
    WebSocket: GatewaySocket,
    closeTimeout: CLOSE_TIMEOUT_MS,
  }
  const wss = new WebSocketServer<typeof GatewaySocket>(options)
  const fanout = createLocalFanout({
    bus: deps.bus,
    deliver: deliverBusFrame,
    onError: (error, channel) =>
      log('error', 'bus unsubscribe failed', { channel, error: describeError(error) }),
  })
  /** Open sockets per operator on this node (`workspaceId:operatorId`). */
  const presence = new Map<string, { operatorId: string; sockets: number }>()
  /** Work close() must wait for: upgrades being authenticated, frames being handled, presence updates. */
  const background = new Set<Promise<void>>()
  const heartbeatMs = deps.heartbeatMs ?? 30_000
  const stopHeartbeat = startHeartbeat(wss.clients, heartbeatMs)
  // Expired sessions are found on the same beat (no timer per socket).
  const expiryTimer = setInterval(() => closeExpiredSessions(wss.clients, clock.now()), heartbeatMs)
  expiryTimer.unref()
  // A sign-out on any node closes this node's sockets of that session.
  const sessionEnds = deps.bus.subscribe(SESSION_END_CHANNEL, (payload) => {
    if (typeof payload.sessionId === 'string')
      closeSessionSockets(wss.clients, payload.sessionId, SESSION_END_REASONS.signedOut)
  })
  sessionEnds.catch((error: unknown) =>
    log('error', 'session-end subscription failed', { error: describeError(error) }),
  )
  // A rename or new avatar (PATCH /api/me on any node) reaches the sockets already open here.
  const profileChanges = deps.bus.subscribe(OPERATOR_PROFILE_CHANNEL, (payload) =>
    applyOperatorProfile(wss.clients, payload),
  )
  profileChanges.catch((error: unknown) =>
    log('error', 'operator-profile subscription failed', { error: describeError(error) }),
  )
  const stopPresenceRefresh = startPresenceRefresh({
    intervalMs: heartbeatMs,
    operatorIds: () => [...presence.values()].map((p) => p.operatorId),
    refresh: (ids) => chat.refreshPresence(ids),
    track,
    onError: (error) => log('error', 'presence refresh failed', { error: describeError(error) }),
  })
  let closing: Promise<void> | null = null

  /** `promise` must never reject. */
  function track(promise: Promise<void>): void {
    background.add(promise)
    void promise.then(() => background.delete(promise))
  }

  function send(ws: WebSocket, frame: ServerFrame): Promise<void> | undefined {
    return sendPaced(ws, encodeFrame(frame), limits)
  }

  // ------------------------------------------------------------------ upgrade

  function onHandshakeSocketError(this: Duplex, error: Error): void {
    log('debug', 'socket error before upgrade', { error: error.message })
    this.destroy()
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    try {
      socket.on('error', onHandshakeSocketError)
      if (closing) {
        rejectUpgrade(socket, { status: 503, error: 'shutting_down', message: 'The server is shutting down' })
        return
      }
      track(
        authenticateUpgrade(req, authDeps).then(
          (result) => finishUpgrade(req, socket, head, result),
          (error: unknown) => {
            log('error', 'upgrade authentication failed', { error: describeError(error) })
            rejectUpgrade(socket, { status: 500, error: 'internal', message: 'Internal error' })
          },
        ),
      )
    } catch (error) {
      log('error', 'upgrade failed', { error: describeError(error) })
      socket.destroy()
    }
  }

  function finishUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, result: UpgradeAuth): void {
    try {
      if (socket.destroyed) return
      if (!result.ok) {
        log('info', 'upgrade refused', { status: result.rejection.status, error: result.rejection.error })
        rejectUpgrade(socket, result.rejection)
        return
      }
      if (closing) {
        rejectUpgrade(socket, { status: 503, error: 'shutting_down', message: 'The server is shutting down' })
        return
      }
      // ws installs its own error listener for the handshake and the socket's life.
      socket.off('error', onHandshakeSocketError)
      const { actor } = result
      const session = result.session ?? null
      wss.handleUpgrade(req, socket, head, (ws) => open(ws, actor, session))
    } catch (error) {
      log('error', 'upgrade failed', { error: describeError(error) })
      socket.destroy()
    }
  }

  // ------------------------------------------------------------------ connection life

  function open(ws: GatewaySocket, actor: Actor, session: Connection['session']): void {
    const conn: Connection = {
      actor,
      alive: true,
      pending: 0,
      tail: null,
      backlog: { frames: [], bytes: 0 },
      session,
    }
    ws.conn = conn
    ws.on('message', onMessage)
    ws.on('pong', markAlive)
    ws.on('close', onClose)
    ws.on('error', onSocketError)
    if (actor.kind === 'operator') changePresence(actor, 1)
    enqueue(ws, conn, () => startSession(ws, conn))
  }

  /** Subscribe first, then read the snapshot: nothing published in between is lost (it is backlogged). */
  async function startSession(ws: GatewaySocket, conn: Connection): Promise<void> {
    const { actor } = conn
    try {
      await fanout.join(channelOf(actor), ws)
      const conversations = await chat.list(actor)
      // Offers and queue places were published once; a socket that was down missed them (issue
      // "Open lines"). Read after joining, sent before the backlog, so a newer withdrawal wins.
      const resume = await resumeFrames(
        deps.store,
        actor.kind === 'operator'
          ? { kind: 'operator', workspaceId: actor.workspaceId, operatorId: actor.operator.id }
          : { kind: 'visitor', workspaceId: actor.workspaceId, conversations },
        clock.now(),
        positionsOf,
      )
      send(ws, {
        type: 'session.ready',
        role: actor.kind,
        subjectId: actor.kind === 'operator' ? actor.operator.id : actor.visitorId,
        conversations,
        serverTime: clock.now(),
      })
      for (const frame of resume) send(ws, frame)
      const backlog = conn.backlog
      conn.backlog = null
      for (const data of backlog?.frames ?? []) safeSend(ws, data, limits)
    } catch (error) {
      conn.backlog = null
      log('error', 'session start failed', {
        actor: actor.kind,
        workspaceId: actor.workspaceId,
        error: describeError(error),
      })
      ws.close(1011, 'internal error')
    }
  }

  function deliverBusFrame(ws: GatewaySocket, data: Buffer): void {
    const conn = ws.conn
    const backlog = conn?.backlog
    if (!conn || !backlog) {
      safeSend(ws, data, limits)
      return
    }
    // The backlog is a send queue like the socket's own, so it gets the same cap.
    if (backlog.bytes + data.byteLength > maxBufferedBytes) {
      conn.backlog = null
      ws.close(CLOSE_CODES.slowConsumer, 'slow consumer')
      limits.onSlowConsumer(ws, { bufferedAmount: backlog.bytes, frameBytes: data.byteLength })
      return
    }
    backlog.frames.push(data)
    backlog.bytes += data.byteLength
  }

  /** Frames of one socket are handled strictly in arrival order, so acks come back in order. */
  function enqueue(ws: GatewaySocket, conn: Connection, task: () => Promise<void> | undefined): void {
    conn.pending++
    if (conn.pending >= PAUSE_AT_PENDING && !ws.isPaused) ws.pause()
    const run: Promise<void> = (conn.tail ?? IDLE)
      .then(task)
      .catch((error: unknown) => log('error', 'frame task failed', { error: describeError(error) }))
      .then(() => {
        conn.pending--
        if (conn.tail === run) conn.tail = null
        if (ws.isPaused && conn.pending <= RESUME_AT_PENDING) ws.resume()
      })
    conn.tail = run
    track(run)
  }

  function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
    if (!(this instanceof GatewaySocket) || !this.conn) return
    const conn = this.conn
    const parsed = parseClientFrame(data, isBinary)
    enqueue(this, conn, () =>
      parsed.ok
        ? handleClientFrame(parsed.frame, {
            chat,
            actor: conn.actor,
            log,
            reply: (frame) => send(this, frame),
          })
        : send(this, parsed.error),
    )
  }

  function onClose(this: WebSocket): void {
    if (!(this instanceof GatewaySocket) || !this.conn) return
    const conn = this.conn
    conn.backlog = null
    fanout.leave(channelOf(conn.actor), this)
    if (conn.actor.kind === 'operator') changePresence(conn.actor, -1)
  }

  function onSocketError(this: WebSocket, error: Error): void {
    // ws closes the socket itself after an error (1009 over maxPayload, 1007 bad UTF-8, a reset).
    log('debug', 'socket error', { error: error.message })
  }

  /** Online when an operator's first socket on this node opens, offline when the last one closes. */
  function changePresence(actor: OperatorActor, delta: 1 | -1): void {
    const presenceKey = `${actor.workspaceId}:${actor.operator.id}`
    const count = (presence.get(presenceKey)?.sockets ?? 0) + delta
    if (count > 0) presence.set(presenceKey, { operatorId: actor.operator.id, sockets: count })
    else presence.delete(presenceKey)
    const status = delta === 1 && count === 1 ? 'online' : count === 0 ? 'offline' : null
    if (!status) return
    track(
      chat.setPresence(actor.workspaceId, actor.operator.id, status).catch((error: unknown) => {
        log('error', 'presence update failed', {
          status,
          workspaceId: actor.workspaceId,
          error: describeError(error),
        })
      }),
    )
  }

  // ------------------------------------------------------------------ shutdown

  function closeSocket(ws: WebSocket): Promise<void> {
    return new Promise<void>((resolve) => {
      if (ws.readyState === WebSocket.CLOSED) return resolve()
      ws.once('close', () => resolve())
      ws.close(CLOSE_CODES.goingAway, 'server shutting down')
    })
  }

  async function shutdown(): Promise<void> {
    stopHeartbeat()
    stopPresenceRefresh()
    clearInterval(expiryTimer)
    await sessionEnds.then(
      (off) => off(),
      () => undefined,
    )
    await profileChanges.then(
      (off) => off(),
      () => undefined,
    )
    await Promise.all([...wss.clients].map(closeSocket))
    // Frames in flight finish (their replies go nowhere) and offline presence goes out before the
    // bus subscriptions are dropped: the composition root closes the store and bus after us.
    while (background.size > 0) await Promise.all(background)
    await fanout.close()
    await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())))
  }

  return {
    handleUpgrade,
    connections: () => wss.clients.size,
    close() {
      closing ??= shutdown()
      return closing
    },
  }
}
