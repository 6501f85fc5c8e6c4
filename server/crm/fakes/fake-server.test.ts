import { afterEach, describe, expect, it } from 'vitest'
import { startFakeServer } from './fake-server.ts'
import type { FakeControls } from './fake-types.ts'

const opened: FakeControls[] = []

async function start(): Promise<FakeControls> {
  let n = 0
  const fake = await startFakeServer({
    handle: () => ({ status: 200, body: { n: ++n } }),
    errorReply: (status) => ({ status, body: { vendor: status } }),
    throttleReply: () => ({ status: 429, body: { vendor: 'slow down' } }),
  })
  opened.push(fake)
  return fake
}

/**
 * `timeoutMs`: far above an ordinary local answer on a busy two-core CI machine (150 ms was not:
 * a plain 503 was once read as a timeout), far below the fake's hold for a scripted timeout.
 */
async function outcome(url: string, timeoutMs = 3_000): Promise<string> {
  try {
    const response = await fetch(`${url}/x`, {
      method: 'POST',
      body: '{}',
      signal: AbortSignal.timeout(timeoutMs),
    })
    return `${response.status} ${await response.text()}`
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'dropped'
  }
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((fake) => fake.close()))
})

describe('fake server knobs', () => {
  it('answers scripted failures in the vendor shape, in order, then recovers', async () => {
    const fake = await start()
    fake.failNext(2, { status: 503 })
    expect(await outcome(fake.url)).toBe('503 {"vendor":503}')
    expect(await outcome(fake.url)).toBe('503 {"vendor":503}')
    expect(await outcome(fake.url)).toBe('200 {"n":1}')
    expect(fake.requests().map((request) => [request.outcome, request.applied])).toEqual([
      ['failed', false],
      ['failed', false],
      ['answered', true],
    ])
  })

  it('applies before dropping the connection when asked to', async () => {
    const fake = await start()
    fake.failNext(1, { apply: true, dropConnection: true })
    expect(await outcome(fake.url)).toBe('dropped')
    expect(await outcome(fake.url)).toBe('200 {"n":2}')
    expect(fake.requests()[0]).toMatchObject({ outcome: 'dropped', applied: true })
  })

  it('replays the same chaos for the same seed', async () => {
    const rates = { 500: 0.2, 429: 0.2, timeout: 0.1, drop: 0.1 }
    const runs: string[][] = []
    for (const seed of [42, 42, 7]) {
      const fake = await start()
      fake.chaos({ seed, rates, holdMs: 30_000 })
      const seen: string[] = []
      for (let i = 0; i < 20; i++) seen.push((await outcome(fake.url, 1_000)).split(' ')[0] ?? '')
      runs.push(seen)
    }
    expect(runs[0]).toEqual(runs[1])
    expect(runs[0]).not.toEqual(runs[2])
    expect(new Set(runs[0])).toEqual(new Set(['200', '500', '429', 'timeout', 'dropped']))
  })

  it('throttles above the leaky bucket and counts requests per second', async () => {
    const fake = await start()
    fake.limit({ burst: 2, perSecond: 0.001 })
    const seen = [await outcome(fake.url), await outcome(fake.url), await outcome(fake.url)]
    expect(seen.map((line) => line.split(' ')[0])).toEqual(['200', '200', '429'])
    expect(fake.perSecond().reduce((sum, count) => sum + count, 0)).toBe(3)
    expect(fake.maxPerSecond()).toBeGreaterThanOrEqual(2)
  })
})
