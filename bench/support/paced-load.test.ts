import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { runPacedLoad } from './paced-load.ts'

describe('runPacedLoad', () => {
  it('sends every client once per round, spread over the period, in time order', async () => {
    const sends: { client: number; round: number; at: number }[] = []
    const started = performance.now()
    await runPacedLoad({
      clients: 4,
      rounds: 3,
      periodMs: 40,
      send: (client, round) => sends.push({ client, round, at: performance.now() - started }),
    })
    expect(sends.map((s) => `${s.round}:${s.client}`)).toEqual(
      [0, 1, 2].flatMap((round) => [0, 1, 2, 3].map((client) => `${round}:${client}`)),
    )
    // The last send (round 2, client 3) is due 2·40 + 3·10 ms after the start.
    expect(sends.at(-1)!.at).toBeGreaterThanOrEqual(110)
  })

  it('rejects when a send throws', async () => {
    const run = runPacedLoad({
      clients: 1,
      rounds: 2,
      periodMs: 5,
      send: () => {
        throw new Error('socket gone')
      },
    })
    await expect(run).rejects.toThrow('socket gone')
  })
})
