import { describe, expect, it } from 'vitest'
import { displayMessages } from './display-messages.ts'
import { wireMessage, wireNote } from './test-fixtures.ts'
import { displayNotes, timeline } from './timeline.ts'

describe('timeline', () => {
  it('puts each note where it was written, unsent messages and notes last', () => {
    const messages = displayMessages(
      [wireMessage({ seq: 1, createdAt: 100 }), wireMessage({ seq: 2, createdAt: 300 })],
      [
        {
          clientId: 'k',
          conversationId: 'c1',
          body: 'unsent',
          createdAt: 50,
          status: 'pending',
          error: null,
        },
      ],
      { ownKind: 'operator', ownName: 'Ann', readByOtherSeq: 0 },
    )
    const notes = displayNotes(
      [
        wireNote({ seq: 1, createdAt: 200, body: 'between' }),
        wireNote({ seq: 2, createdAt: 300, body: 'same ms' }),
      ],
      [{ clientId: 'p', conversationId: 'c1', body: 'saving', createdAt: 10 }],
    )
    const order = timeline(messages, notes).map((i) =>
      i.kind === 'note' ? `note:${i.note.body}` : i.message.body,
    )
    expect(order).toEqual(['message 1', 'note:between', 'message 2', 'note:same ms', 'unsent', 'note:saving'])
  })

  it('shows a pending note once its stored copy arrived', () => {
    const notes = displayNotes(
      [wireNote({ seq: 1, clientId: 'p', body: 'saved' })],
      [{ clientId: 'p', conversationId: 'c1', body: 'saved', createdAt: 10 }],
    )
    expect(notes.map((n) => [n.body, n.pending])).toEqual([['saved', false]])
  })
})
