// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import { wireConversation, wireMessage, wireNote } from '../state/test-fixtures.ts'
import { ConsoleShell } from './console-shell.tsx'
import { fakeApi, fakeSocket, testDeps, testSession } from './test-doubles.ts'

afterEach(cleanup)

const conversation = wireConversation({
  id: 'c1',
  visitorName: 'Dana',
  assigneeId: 'op-me',
  lastSeq: 1,
  lastMessage: wireMessage({ seq: 1, body: 'Hi' }),
  rating: { value: 'dislike', comment: 'Too slow', ratedAt: 5 },
})
const ready: ServerFrame = {
  type: 'session.ready',
  role: 'operator',
  subjectId: 'op-me',
  conversations: [],
  serverTime: 0,
}

function start() {
  const { api, calls } = fakeApi({
    conversations: [conversation],
    operators: [
      testSession.operator,
      { ...testSession.operator, id: 'op-bob', name: 'Bob', role: 'operator' },
    ],
    quickAnswers: [
      {
        id: 'q1',
        scope: 'workspace',
        ownerId: null,
        shortcut: '/hello',
        title: 'Greeting',
        text: 'Hello!',
        createdAt: 0,
        updatedAt: 0,
      },
    ],
    details: {
      c1: {
        conversation,
        messages: [wireMessage({ seq: 1, body: 'Hi' })],
        notes: [wireNote({ seq: 1, body: 'Known customer' })],
        kpis: {
          waitMs: 45_000,
          firstAnswerMs: 125_000,
          transfers: 1,
          closeReason: null,
          rating: null,
          startedInsideWorkingHours: true,
        },
        visitor: { id: 'v', name: 'Dana', email: null, phone: null, context: {} },
      },
    },
  })
  const { open, server } = fakeSocket()
  render(
    <ConsoleShell
      deps={testDeps(api, open, '/console/c/c1')}
      session={testSession}
      onSignedOut={() => undefined}
    />,
  )
  return { server, calls }
}

const noteBodies = () =>
  screen.getAllByTestId('note').map((n) => n.querySelector('.message-body')?.textContent)

describe('ConsoleShell: teamwork', () => {
  it('shows loaded and live notes once each, and adds a note through note.add', async () => {
    const { server, calls } = start()
    await screen.findByText('Known customer')
    server.push(ready)
    const live = wireNote({ seq: 2, body: 'Asked about refunds' })
    server.push({ type: 'note.created', note: live })
    server.push({ type: 'note.created', note: live })
    await waitFor(() => expect(noteBodies()).toEqual(['Known customer', 'Asked about refunds']))
    expect(screen.getAllByTestId('note')[0]!.textContent).toContain('Only operators see this')

    fireEvent.click(screen.getByTestId('composer-mode-note'))
    fireEvent.input(screen.getByTestId('composer-input'), { target: { value: 'Promised a callback' } })
    fireEvent.click(screen.getByTestId('composer-send'))
    const add = server.sent.find((f) => f.type === 'note.add')
    expect(add).toEqual({
      type: 'note.add',
      id: expect.any(String),
      conversationId: 'c1',
      body: 'Promised a callback',
    })
    expect(server.sent.some((f) => f.type === 'message.send')).toBe(false)
    await waitFor(() => expect(screen.getAllByTestId('note').at(-1)!.dataset.status).toBe('pending'))
    server.push({
      type: 'frame.ack',
      ref: add!.id,
      note: wireNote({ seq: 3, clientId: add!.id, body: 'Promised a callback' }),
    })
    await waitFor(() => expect(screen.getAllByTestId('note').at(-1)!.dataset.status).toBe('saved'))
    expect(noteBodies()).toHaveLength(3)

    // After a reconnect the replay asks only for the notes after the last one held.
    server.drop()
    await waitFor(() => expect(server.connections).toBe(2))
    server.push(ready)
    await waitFor(() =>
      expect(server.sent).toContainEqual(
        expect.objectContaining({ type: 'conversation.sync', conversationId: 'c1', afterNoteSeq: 3 }),
      ),
    )
    expect(calls.filter((c) => c === 'quick-answers')).toHaveLength(1)
  })

  it('shows the rating and the KPIs beside the conversation', async () => {
    start()
    expect((await screen.findByTestId('kpi-rating')).textContent).toContain('Did not like it: “Too slow”')
    expect(screen.getByTestId('kpi-wait').textContent).toContain('45 s')
    expect(screen.getByTestId('kpi-first-answer').textContent).toContain('2 min 5 s')
    expect(screen.getByTestId('kpi-transfers').textContent).toContain('1')
  })

  it('sends conversation.transfer and reports it once acknowledged', async () => {
    const { server } = start()
    await screen.findByText('Known customer')
    server.push(ready)
    fireEvent.click(screen.getByTestId('transfer-open'))
    const select = screen.getByTestId('transfer-target') as HTMLSelectElement
    await waitFor(() => expect(select.getAttribute('aria-busy')).toBe('false'))
    fireEvent.change(select, { target: { value: 'op:op-bob' } })
    fireEvent.click(screen.getByTestId('transfer-submit'))
    expect(screen.queryByRole('dialog')).toBeNull()
    const transfer = server.sent.find((f) => f.type === 'conversation.transfer')
    expect(transfer).toEqual({
      type: 'conversation.transfer',
      id: expect.any(String),
      conversationId: 'c1',
      to: { operatorId: 'op-bob' },
    })
    expect(screen.queryByTestId('team-status')).toBeNull()
    server.push({ type: 'frame.ack', ref: transfer!.id })
    expect((await screen.findByTestId('team-status')).textContent).toBe('Transferred to Bob.')
  })
})
