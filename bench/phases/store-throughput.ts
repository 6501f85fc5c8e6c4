/**
 * Phase 3a: messages durably stored per second by `store.appendMessage` in this process — the
 * store alone, without the gateway. Each append is its own transaction (SQLite: WAL,
 * synchronous=FULL, i.e. an fsync per commit). Sequential = one at a time; concurrent = `concurrency`
 * appends in flight, each worker on its own conversation.
 */
import type { Store } from '../../server/store/index.ts'
import type { BenchConfig } from '../support/bench-config.ts'
import { now } from '../support/latency-tracker.ts'
import type { ActiveVisitor } from '../support/seed.ts'
import { perSecond, type Summary, summarize } from '../support/stats.ts'
import { MESSAGE_BODY } from './paced-frame.ts'

export interface AppendRun {
  inFlight: number
  appended: number
  elapsedMs: number
  perSecond: number
  latency: Summary
}

export async function measureAppends(
  store: Store,
  workspaceId: string,
  visitors: readonly ActiveVisitor[],
  inFlight: number,
  config: Pick<BenchConfig, 'appendCount' | 'appendSeconds'>,
): Promise<AppendRun> {
  if (visitors.length < inFlight) throw new Error(`need ${inFlight} conversations, have ${visitors.length}`)
  const latencies: number[] = []
  const started = now()
  const deadline = started + config.appendSeconds * 1000
  let issued = 0
  const worker = async (w: number) => {
    const visitor = visitors[w]!
    while (issued < config.appendCount && now() < deadline) {
      const n = issued++
      const t = now()
      await store.appendMessage({
        workspaceId,
        conversationId: visitor.conversationId,
        clientId: `append.${inFlight}.${n}`,
        authorKind: 'visitor',
        authorId: visitor.visitorId,
        authorName: null,
        body: MESSAGE_BODY,
        now: Date.now(),
      })
      latencies.push(now() - t)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, (_, w) => worker(w)))
  const elapsedMs = now() - started
  return {
    inFlight,
    appended: latencies.length,
    elapsedMs,
    perSecond: perSecond(latencies.length, elapsedMs),
    latency: summarize(latencies),
  }
}
