/**
 * Phase 3b: messages durably stored per second through the whole WebSocket path. `wsSockets`
 * visitors each keep `wsInflight` `message.send` frames unacknowledged (the gateway acks only
 * after the message is stored) until `appendCount` acks or `appendSeconds` have passed. The
 * operator sockets stay connected, so every message is fanned out as in production.
 */
import type WebSocket from 'ws'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import type { BenchConfig } from '../support/bench-config.ts'
import { type ServerLoad, withServerLoad } from '../support/child-process.ts'
import { now } from '../support/latency-tracker.ts'
import type { OpenlineTarget } from '../support/openline-target.ts'
import { closeClients, openClients } from '../support/sockets.ts'
import { perSecond, type Summary, summarize } from '../support/stats.ts'
import { MESSAGE_BODY } from './paced-frame.ts'

export interface WsThroughputResult {
  sockets: number
  inflightPerSocket: number
  acked: number
  errors: number
  elapsedMs: number
  perSecond: number
  ackLatency: Summary
  /** How busy the server child and the load generator were during the load. */
  server: ServerLoad
}

export async function runWsThroughput(
  config: BenchConfig,
  target: OpenlineTarget,
): Promise<WsThroughputResult> {
  const visitors = target.seeded.active.slice(0, config.wsSockets)
  const operators = await openClients(config.operators, () => target.operatorSocket(), { firstFrame: true })
  let sockets: WebSocket[] = []
  try {
    sockets = await openClients(visitors.length, (i) => target.visitor(visitors[i]!.token), {
      firstFrame: true,
    })
    const conversationIds = visitors.map((v) => v.conversationId)
    const { result, load } = await withServerLoad(target.server, () =>
      drive(config, sockets, conversationIds),
    )
    return { ...result, server: load }
  } finally {
    await closeClients([...sockets, ...operators])
  }
}

function drive(
  config: BenchConfig,
  sockets: WebSocket[],
  conversationIds: string[],
): Promise<Omit<WsThroughputResult, 'server'>> {
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  let issued = 0
  let acked = 0
  let errors = 0
  const started = now()
  const deadline = started + config.appendSeconds * 1000
  let lastAck = started

  return new Promise<Omit<WsThroughputResult, 'server'>>((resolve) => {
    const finish = () => {
      clearTimeout(timer)
      resolve({
        sockets: sockets.length,
        inflightPerSocket: config.wsInflight,
        acked,
        errors,
        elapsedMs: lastAck - started,
        perSecond: perSecond(acked, lastAck - started),
        ackLatency: summarize(latencies),
      })
    }
    // Outstanding frames get 10 s after the deadline; then the run ends with what was acked.
    const timer = setTimeout(finish, config.appendSeconds * 1000 + 10_000)
    const sendNext = (socket: number) => {
      if (issued >= config.appendCount || now() >= deadline) return
      const id = `tput.${socket}.${issued++}`
      sentAt.set(id, now())
      sockets[socket]!.send(
        JSON.stringify({
          type: 'message.send',
          id,
          conversationId: conversationIds[socket],
          body: MESSAGE_BODY,
        }),
      )
    }
    sockets.forEach((ws, socket) => {
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as ServerFrame
        if (frame.type !== 'frame.ack' && frame.type !== 'frame.error') return
        const start = frame.ref === null ? undefined : sentAt.get(frame.ref)
        if (start === undefined) return
        sentAt.delete(frame.ref!)
        if (frame.type === 'frame.ack') {
          lastAck = now()
          latencies.push(lastAck - start)
          acked++
        } else errors++
        sendNext(socket)
        if (sentAt.size === 0) finish()
      })
    })
    for (let k = 0; k < config.wsInflight; k++) {
      for (let socket = 0; socket < sockets.length; socket++) sendNext(socket)
    }
    if (sentAt.size === 0) finish()
  })
}
