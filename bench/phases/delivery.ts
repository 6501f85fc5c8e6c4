/**
 * Phase 2: visitor → operator delivery. `clients` visitors, each in their own open conversation,
 * send one message per second; every operator socket of the workspace receives each as
 * `message.created`. Latency = operator receive − visitor send, both on this process's clock.
 * The visitor's own send → `frame.ack` (stored durably) is measured alongside.
 */
import type WebSocket from 'ws'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import type { BenchConfig } from '../support/bench-config.ts'
import { type ServerLoad, withServerLoad } from '../support/child-process.ts'
import { createLatencyTracker, now } from '../support/latency-tracker.ts'
import type { OpenlineTarget } from '../support/openline-target.ts'
import { runPacedLoad } from '../support/paced-load.ts'
import { closeClients, openClients } from '../support/sockets.ts'
import type { Summary } from '../support/stats.ts'
import { pacedFrame } from './paced-frame.ts'

export interface DeliveryResult {
  clients: number
  operators: number
  delivery: Summary
  ack: Summary
  missingDeliveries: number
  missingAcks: number
  meanSendLagMs: number
  /** How busy the server child and the load generator were during the load. */
  server: ServerLoad
}

export async function runDelivery(config: BenchConfig, target: OpenlineTarget): Promise<DeliveryResult> {
  const visitors = target.seeded.active.slice(0, config.clients)
  const operators = await openClients(config.operators, () => target.operatorSocket(), { firstFrame: true })
  let sockets: WebSocket[] = []
  try {
    sockets = await openClients(visitors.length, (i) => target.visitor(visitors[i]!.token), {
      firstFrame: true,
    })
    const delivered = createLatencyTracker(operators.length)
    const acked = createLatencyTracker(1)
    for (const ws of operators) {
      ws.on('message', (data) => {
        const at = now()
        const frame = JSON.parse(String(data)) as ServerFrame
        if (frame.type === 'message.created') delivered.received(frame.message.clientId, at)
      })
    }
    for (const ws of sockets) {
      ws.on('message', (data) => {
        const at = now()
        const frame = JSON.parse(String(data)) as ServerFrame
        if (frame.type === 'frame.ack') acked.received(frame.ref, at)
      })
    }
    const { result: meanLagMs, load } = await withServerLoad(target.server, async () => {
      const paced = await runPacedLoad({
        clients: sockets.length,
        rounds: config.warmupSeconds + config.seconds,
        periodMs: 1000,
        send(client, round) {
          const { id, data } = pacedFrame(client, round, visitors[client]!.conversationId)
          if (round >= config.warmupSeconds) {
            const at = now()
            delivered.sent(id, at)
            acked.sent(id, at)
          }
          sockets[client]!.send(data)
        },
      })
      await Promise.all([delivered.drained(15_000), acked.drained(15_000)])
      return paced.meanLagMs
    })
    const d = delivered.result()
    const a = acked.result()
    return {
      clients: sockets.length,
      operators: operators.length,
      delivery: d.latency,
      ack: a.latency,
      missingDeliveries: d.missing,
      missingAcks: a.missing,
      meanSendLagMs: meanLagMs,
      server: load,
    }
  } finally {
    await closeClients([...sockets, ...operators])
  }
}
