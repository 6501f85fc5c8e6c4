/**
 * One conversation's messages as the client knows them: sorted by seq, each seq once. Frames can
 * arrive twice (live fan-out and a `conversation.sync` replay overlap after a reconnect) and out of
 * order, so merging is idempotent and `contiguousSeq` tells where a resync must start
 * (docs/protocol.md: "keep the highest contiguous seq seen").
 */
import type { WireMessage } from '../../server/protocol/messages.ts'

export interface ThreadState {
  /** Ascending by seq, no duplicates. */
  messages: readonly WireMessage[]
  /** Highest seq reached from seq 1 without a gap; 0 when nothing is known from the start. */
  contiguousSeq: number
  /** True once the full history was fetched: only then is a resync from `contiguousSeq` meaningful. */
  loaded: boolean
}

export const emptyThread: ThreadState = { messages: [], contiguousSeq: 0, loaded: false }

/** Merges messages by seq; a message already present keeps its first copy (the server never edits). */
export function mergeMessages(
  current: readonly WireMessage[],
  incoming: readonly WireMessage[],
): readonly WireMessage[] {
  if (incoming.length === 0) return current
  const bySeq = new Map<number, WireMessage>()
  for (const m of current) bySeq.set(m.seq, m)
  let added = false
  for (const m of incoming) {
    if (bySeq.has(m.seq)) continue
    bySeq.set(m.seq, m)
    added = true
  }
  if (!added) return current
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

export function highestContiguousSeq(messages: readonly WireMessage[], from = 0): number {
  let seq = from
  for (const m of messages) {
    if (m.seq <= seq) continue
    if (m.seq !== seq + 1) break
    seq = m.seq
  }
  return seq
}

export function addMessages(
  thread: ThreadState,
  incoming: readonly WireMessage[],
  loaded = false,
): ThreadState {
  const messages = mergeMessages(thread.messages, incoming)
  const nextLoaded = thread.loaded || loaded
  if (messages === thread.messages && nextLoaded === thread.loaded) return thread
  return { messages, contiguousSeq: highestContiguousSeq(messages), loaded: nextLoaded }
}

/** A live message skipped ahead of what we hold: the bus is best-effort, so ask for a replay. */
export function hasGap(thread: ThreadState): boolean {
  const last = thread.messages.at(-1)
  return last !== undefined && last.seq > thread.contiguousSeq
}
