import { describe, expect, it } from 'vitest'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import {
  type ConsoleAction,
  type ConsoleState,
  consoleReducer,
  initialConsoleState,
  notesOf,
  noticeText,
  pendingNotesFor,
} from './console-state.ts'
import { highestNoteSeq, mergeNotes } from './notes.ts'
import { wireConversation, wireMessage, wireNote } from './test-fixtures.ts'

const frame = (f: ServerFrame): ConsoleAction => ({ type: 'frame', frame: f, now: 0 })
const run = (actions: ConsoleAction[], from: ConsoleState = initialConsoleState) =>
  actions.reduce(consoleReducer, from)

const loaded = run([
  {
    type: 'conversation.loaded',
    conversation: wireConversation({ id: 'c1', lastSeq: 1 }),
    messages: [wireMessage({ seq: 1 })],
    notes: [wireNote({ seq: 1 })],
  },
])

describe('mergeNotes / highestNoteSeq', () => {
  it('dedupes by id, sorts by seq and keeps the same array when nothing is new', () => {
    const current = [wireNote({ seq: 2 })]
    const merged = mergeNotes(current, [wireNote({ seq: 1 }), wireNote({ seq: 2 })])
    expect(merged.map((n) => n.seq)).toEqual([1, 2])
    expect(mergeNotes(merged, [wireNote({ seq: 1 })])).toBe(merged)
  })

  it('is the highest seq reached from 1 without a gap', () => {
    expect(highestNoteSeq([])).toBe(0)
    expect(highestNoteSeq([wireNote({ seq: 1 }), wireNote({ seq: 2 }), wireNote({ seq: 4 })])).toBe(2)
  })
})

describe('hidden notes in the console state', () => {
  it('keeps the notes loaded with a conversation', () => {
    expect(notesOf(loaded, 'c1').map((n) => n.body)).toEqual(['note 1'])
    expect(notesOf(loaded, 'other')).toEqual([])
  })

  it('merges a live note.created once, even when it arrives twice', () => {
    const note = wireNote({ seq: 2, body: 'Call back tomorrow' })
    const once = run([frame({ type: 'note.created', note })], loaded)
    const twice = run([frame({ type: 'note.created', note })], once)
    expect(notesOf(twice, 'c1').map((n) => n.body)).toEqual(['note 1', 'Call back tomorrow'])
    expect(twice).toBe(once)
  })

  it('holds a note as pending until its ack, and the later fan-out copy is not doubled', () => {
    const entry = { clientId: 'k1', conversationId: 'c1', body: 'VIP customer', createdAt: 5 }
    const queued = run([{ type: 'note.queued', entry }], loaded)
    expect(pendingNotesFor(queued, 'c1')).toEqual([entry])
    const stored = wireNote({ seq: 2, clientId: 'k1', body: 'VIP customer' })
    const acked = run([frame({ type: 'frame.ack', ref: 'k1', note: stored })], queued)
    expect(pendingNotesFor(acked, 'c1')).toEqual([])
    const fannedOut = run([frame({ type: 'note.created', note: stored })], acked)
    expect(notesOf(fannedOut, 'c1').map((n) => n.body)).toEqual(['note 1', 'VIP customer'])
  })

  it('drops a refused note and says why', () => {
    const entry = { clientId: 'k1', conversationId: 'c1', body: 'x', createdAt: 5 }
    const refused = run(
      [
        { type: 'note.queued', entry },
        frame({ type: 'frame.error', ref: 'k1', code: 'forbidden', message: 'Operators only' }),
      ],
      loaded,
    )
    expect(refused.pendingNotes).toEqual([])
    expect(refused.notice && noticeText(refused.notice)).toBe('The note was not saved: Operators only')
  })
})

describe('transfers and invitations', () => {
  const requested = run(
    [{ type: 'team.requested', clientId: 't1', done: { conversationId: 'c1', text: 'Transferred to Bob.' } }],
    loaded,
  )

  it('reports an acknowledged transfer in its conversation', () => {
    const done = run([frame({ type: 'frame.ack', ref: 't1' })], requested)
    expect(done.teamStatus).toEqual({ conversationId: 'c1', text: 'Transferred to Bob.' })
    expect(done.teamRequests).toEqual({})
  })

  it('turns a refused transfer into a notice', () => {
    const refused = run(
      [frame({ type: 'frame.error', ref: 't1', code: 'conversation_taken', message: 'Changed meanwhile' })],
      requested,
    )
    expect(refused.teamStatus).toBeNull()
    expect(refused.teamRequests).toEqual({})
    expect(refused.notice).toBe('Changed meanwhile')
  })
})
