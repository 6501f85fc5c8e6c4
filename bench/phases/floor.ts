/**
 * Phase 1, the floor: round trips through a bare `ws` echo server in its own process, under the
 * same paced load as the delivery phase. What no WebSocket server on this machine can beat.
 */
import type { BenchConfig } from '../support/bench-config.ts'
import { type ServerLoad, spawnBenchChild, withServerLoad } from '../support/child-process.ts'
import { createLatencyTracker, now } from '../support/latency-tracker.ts'
import { runPacedLoad } from '../support/paced-load.ts'
import { closeClients, openClients, toWsUrl } from '../support/sockets.ts'
import type { Summary } from '../support/stats.ts'
import { pacedFrame } from './paced-frame.ts'

export interface FloorResult {
  clients: number
  roundTrip: Summary
  missing: number
  meanSendLagMs: number
  /** How busy the server child and the load generator were during the load. */
  server: ServerLoad
}

/** Same length as a real conversation id, so the echoed frame has the same size. */
const FAKE_CONVERSATION_ID = '00000000-0000-4000-8000-000000000000'

export async function runFloor(config: BenchConfig): Promise<FloorResult> {
  const server = await spawnBenchChild('bench/support/bare-ws-server.ts', {})
  try {
    const url = toWsUrl(server.url, '/ws')
    const sockets = await openClients(config.clients, () => ({ url }), { firstFrame: false })
    try {
      const tracker = createLatencyTracker(1)
      for (const ws of sockets) {
        ws.on('message', (data) => {
          const at = now()
          tracker.received((JSON.parse(String(data)) as { id: string }).id, at)
        })
      }
      const { result: meanLagMs, load } = await withServerLoad(server, async () => {
        const paced = await runPacedLoad({
          clients: config.clients,
          rounds: config.warmupSeconds + config.seconds,
          periodMs: 1000,
          send(client, round) {
            const { id, data } = pacedFrame(client, round, FAKE_CONVERSATION_ID)
            if (round >= config.warmupSeconds) tracker.sent(id, now())
            sockets[client]!.send(data)
          },
        })
        await tracker.drained(10_000)
        return paced.meanLagMs
      })
      const { latency, missing } = tracker.result()
      return {
        clients: config.clients,
        roundTrip: latency,
        missing,
        meanSendLagMs: meanLagMs,
        server: load,
      }
    } finally {
      await closeClients(sockets)
    }
  } finally {
    await server.stop()
  }
}
