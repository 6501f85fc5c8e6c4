/**
 * The open-loop load of the latency phases: each of `clients` sends once per `periodMs`, the
 * clients spread evenly over the period, for `rounds` rounds. Open loop on purpose: a slow server
 * does not slow the senders down, so its queueing shows up in the latencies (no coordinated
 * omission). One timer drives all clients instead of one per client.
 */
import { performance } from 'node:perf_hooks'

export interface PacedLoad {
  clients: number
  rounds: number
  periodMs: number
  send(client: number, round: number): void
}

/** Resolves after the last send; returns how late the sends were on average (ms) — timer slack. */
export function runPacedLoad(load: PacedLoad): Promise<{ meanLagMs: number }> {
  const { clients, rounds, periodMs } = load
  const total = clients * rounds
  const start = performance.now() + 10
  const due = (slot: number) =>
    start + Math.floor(slot / clients) * periodMs + ((slot % clients) * periodMs) / clients
  let slot = 0
  let lag = 0
  return new Promise((resolve, reject) => {
    const tick = () => {
      try {
        const now = performance.now()
        while (slot < total && due(slot) <= now) {
          lag += now - due(slot)
          load.send(slot % clients, Math.floor(slot / clients))
          slot++
        }
      } catch (error) {
        reject(error)
        return
      }
      if (slot >= total) resolve({ meanLagMs: total ? lag / total : 0 })
      else setTimeout(tick, Math.max(0, due(slot) - performance.now()))
    }
    tick()
  })
}
