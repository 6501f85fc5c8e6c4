/**
 * One conversation's thread as the console shows it: messages and hidden notes interleaved by time,
 * so a note sits where it was written. Messages not yet stored (no seq) and notes not yet stored
 * stay at the end, in the order they were typed.
 */
import type { WireNote } from '../../server/protocol/messages.ts'
import type { DisplayMessage } from './display-messages.ts'
import type { PendingNote } from './notes.ts'

export interface DisplayNote {
  key: string
  authorName: string | null
  body: string
  createdAt: number
  pending: boolean
}

export type TimelineItem = { kind: 'message'; message: DisplayMessage } | { kind: 'note'; note: DisplayNote }

export function displayNotes(notes: readonly WireNote[], pending: readonly PendingNote[]): DisplayNote[] {
  const stored = new Set(notes.map((n) => n.clientId))
  return [
    ...notes.map((n) => ({
      key: n.id,
      authorName: n.authorName,
      body: n.body,
      createdAt: n.createdAt,
      pending: false,
    })),
    ...pending
      .filter((p) => !stored.has(p.clientId))
      .map((p) => ({
        key: p.clientId,
        authorName: null,
        body: p.body,
        createdAt: p.createdAt,
        pending: true,
      })),
  ]
}

export function timeline(messages: readonly DisplayMessage[], notes: readonly DisplayNote[]): TimelineItem[] {
  const stored = messages.filter((m) => m.seq !== null)
  const unsent = messages.filter((m) => m.seq === null)
  const storedNotes = notes.filter((n) => !n.pending)
  const out: TimelineItem[] = []
  let n = 0
  for (const message of stored) {
    // A note written in the same millisecond as a message goes after it: it comments on it.
    while (n < storedNotes.length && storedNotes[n]!.createdAt < message.createdAt) {
      out.push({ kind: 'note', note: storedNotes[n++]! })
    }
    out.push({ kind: 'message', message })
  }
  for (; n < storedNotes.length; n++) out.push({ kind: 'note', note: storedNotes[n]! })
  for (const message of unsent) out.push({ kind: 'message', message })
  for (const note of notes) if (note.pending) out.push({ kind: 'note', note })
  return out
}
