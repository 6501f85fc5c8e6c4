// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { ServerFrame } from '../../server/protocol/messages.ts'
import { wireConversation, wireMessage } from '../state/test-fixtures.ts'
import { ConsoleShell } from './console-shell.tsx'
import { fakeApi, fakeSocket, testDeps, testSession } from './test-doubles.ts'

afterEach(cleanup)

const waiting = wireConversation({
  id: 'c1',
  visitorName: 'Dana',
  lastSeq: 1,
  updatedAt: Date.now(),
  lastMessage: wireMessage({ seq: 1, body: 'Hi, anyone there?' }),
})
const ready: ServerFrame = {
  type: 'session.ready',
  role: 'operator',
  subjectId: 'op-me',
  conversations: [],
  serverTime: 0,
}

function statuses() {
  return screen
    .getAllByTestId('message')
    .map((m) => [m.querySelector('.message-body')?.textContent, m.dataset.status])
}

describe('ConsoleShell', () => {
  it('shows a conversation, sends a reply pending until ack, marks read, and resends after a reconnect', async () => {
    const { api, calls } = fakeApi({
      conversations: [waiting],
      details: {
        c1: {
          conversation: waiting,
          messages: [wireMessage({ seq: 1, body: 'Hi, anyone there?' })],
          visitor: {
            id: 'v',
            name: 'Dana',
            email: 'dana@example.com',
            phone: null,
            context: { timeZone: 'Europe/Oslo' },
          },
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

    await screen.findByText('Hi, anyone there?', { selector: '.message-body' })
    expect(screen.getByTestId('visitor-email').textContent).toContain('dana@example.com')
    expect(screen.getByTestId('visitor-local-time').textContent).toContain('Europe/Oslo')

    server.push(ready)
    await waitFor(() =>
      expect(server.sent).toContainEqual({
        type: 'message.read',
        id: expect.any(String),
        conversationId: 'c1',
        seq: 1,
      }),
    )

    fireEvent.input(screen.getByTestId('composer-input'), { target: { value: 'Yes, hello!' } })
    fireEvent.keyDown(screen.getByTestId('composer-input'), { key: 'Enter' })
    const send = server.sent.find((f) => f.type === 'message.send')
    expect(send).toMatchObject({ conversationId: 'c1', body: 'Yes, hello!' })
    expect(statuses()).toEqual([
      ['Hi, anyone there?', 'delivered'],
      ['Yes, hello!', 'pending'],
    ])

    // The socket drops before the ack: the same client id is sent again after the new session.ready.
    server.drop()
    await waitFor(() => expect(server.connections).toBe(2))
    server.push(ready)
    await waitFor(() => expect(server.sent.filter((f) => f.type === 'message.send')).toHaveLength(2))
    expect(server.sent.filter((f) => f.type === 'message.send').map((f) => f.id)).toEqual([
      send!.id,
      send!.id,
    ])
    expect(server.sent).toContainEqual({
      type: 'conversation.sync',
      id: expect.any(String),
      conversationId: 'c1',
      afterSeq: 1,
      // No notes loaded: the operator's replay sends them all.
      afterNoteSeq: 0,
    })
    await waitFor(() => expect(calls.filter((c) => c === 'list:open')).toHaveLength(2))

    const stored = wireMessage({
      seq: 2,
      clientId: send!.id,
      authorKind: 'operator',
      authorName: 'Ann',
      body: 'Yes, hello!',
    })
    server.push({ type: 'frame.ack', ref: send!.id, message: stored, duplicate: true })
    await waitFor(() => expect(statuses()[1]).toEqual(['Yes, hello!', 'delivered']))
    expect(screen.getAllByTestId('message')).toHaveLength(2)
  })

  it('updates the inbox live and announces a new waiting conversation', async () => {
    const { api } = fakeApi({ conversations: [] })
    const { open, server } = fakeSocket()
    render(<ConsoleShell deps={testDeps(api, open)} session={testSession} onSignedOut={() => undefined} />)
    await waitFor(() => expect(server.connections).toBe(1))
    server.push(ready)
    server.push({ type: 'conversation.updated', conversation: { ...waiting, lastMessage: null, lastSeq: 0 } })
    server.push({ type: 'message.created', message: wireMessage({ seq: 1, body: 'Hello?' }) })
    const item = await screen.findByTestId('inbox-item')
    expect(item.dataset.conversationId).toBe('c1')
    expect(item.textContent).toContain('Hello?')
    expect(screen.getByTestId('tab-waiting').dataset.unread).toBe('1')
    expect(screen.getByTestId('announcer').textContent).toContain('Dana')

    server.push({
      type: 'typing.updated',
      conversationId: 'c1',
      authorKind: 'visitor',
      authorId: 'v',
      authorName: null,
      typing: true,
    })
    server.push({ type: 'read.updated', conversationId: 'c1', reader: 'operator', seq: 1 })
    await waitFor(() => expect(screen.getByTestId('tab-waiting').dataset.unread).toBe('0'))
  })

  it('signs out when the server closes the socket as unauthorized', async () => {
    const { api } = fakeApi({ conversations: [] })
    const { open, server } = fakeSocket()
    let signedOut = false
    render(
      <ConsoleShell
        deps={testDeps(api, open)}
        session={testSession}
        onSignedOut={() => {
          signedOut = true
        }}
      />,
    )
    await waitFor(() => expect(server.connections).toBe(1))
    server.drop(4001)
    await waitFor(() => expect(signedOut).toBe(true))
  })
})
