/**
 * Hidden notes of a conversation (issue "Open lines", item 4; docs/protocol.md "Hidden notes"):
 * operator-only text numbered apart from the messages. The same note can arrive three ways — the
 * HTTP history, `frame.ack` of our own `note.add`, and the live `note.created` fan-out — so merging
 * dedupes by id and keeps seq order.
 */
import type { WireNote } from '../../server/protocol/messages.ts'

/** A `note.add` sent and not yet acknowledged; resent with the same id after a reconnect. */
export interface PendingNote {
  clientId: string
  conversationId: string
  body: string
  createdAt: number
}

export function mergeNotes(current: readonly WireNote[], incoming: readonly WireNote[]): readonly WireNote[] {
  if (incoming.length === 0) return current
  const byId = new Map<string, WireNote>()
  for (const n of current) byId.set(n.id, n)
  let added = false
  for (const n of incoming) {
    if (byId.has(n.id)) continue
    byId.set(n.id, n)
    added = true
  }
  if (!added) return current
  return [...byId.values()].sort((a, b) => a.seq - b.seq || a.createdAt - b.createdAt)
}

/** Where an operator's `conversation.sync` asks the note replay to start (`afterNoteSeq`). */
export function highestNoteSeq(notes: readonly WireNote[]): number {
  let seq = 0
  for (const n of notes) {
    if (n.seq !== seq + 1) break
    seq = n.seq
  }
  return seq
}
