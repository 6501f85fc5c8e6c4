// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientFrame, ServerFrame } from '../../server/protocol/messages.ts'
import { wireConversation, wireMessage } from '../state/test-fixtures.ts'
import { ConsoleShell } from './console-shell.tsx'
import { fakeApi, fakeSocket, testDeps, testSession } from './test-doubles.ts'

afterEach(cleanup)

const me = testSession.operator.id
const waiting = wireConversation({
  id: 'c1',
  visitorName: 'Dana',
  lastSeq: 1,
  updatedAt: Date.now(),
  lastMessage: wireMessage({ seq: 1, body: 'Do you ship to Norway?' }),
})
const ready = (): ServerFrame => ({
  type: 'session.ready',
  role: 'operator',
  subjectId: me,
  conversations: [waiting],
  serverTime: Date.now(),
})
const offer = (expiresAt: number | null, operatorId = me): ServerFrame => ({
  type: 'offer.created',
  conversationId: 'c1',
  operatorId,
  expiresAt,
})

async function signedIn() {
  const { api, calls } = fakeApi({
    conversations: [waiting],
    details: {
      c1: {
        conversation: { ...waiting, assigneeId: me },
        messages: [wireMessage({ seq: 1, body: 'Do you ship to Norway?' })],
        visitor: { id: 'v', name: 'Dana', email: null, phone: null, context: {} },
      },
    },
  })
  const { open, server } = fakeSocket()
  const deps = testDeps(api, open)
  render(<ConsoleShell deps={deps} session={testSession} onSignedOut={() => undefined} />)
  await waitFor(() => expect(server.connections).toBe(1))
  server.push(ready())
  await screen.findByTestId('inbox-item')
  return { server, calls, deps }
}

function sentOf<T extends ClientFrame['type']>(sent: ClientFrame[], type: T) {
  return sent.filter((f): f is Extract<ClientFrame, { type: T }> => f.type === type)
}

describe('incoming offers', () => {
  it('shows an offer for me with a countdown, accepts it and opens the conversation on ack', async () => {
    const { server, calls, deps } = await signedIn()
    server.push(offer(Date.now() + 60_000, 'op-other'))
    server.push(offer(Date.now() + 30_000))

    const item = await screen.findByTestId('offer-item')
    expect(screen.getAllByTestId('offer-item')).toHaveLength(1)
    expect(item.textContent).toContain('Dana')
    expect(item.textContent).toContain('Do you ship to Norway?')
    expect(screen.getByTestId('offer-countdown').textContent).toMatch(/^(30|29) s left$/)
    expect(screen.getByRole('region', { name: /Incoming/ })).toBeTruthy()
    expect(screen.getByTestId('announcer').textContent).toContain('Chat offered to you from Dana')

    fireEvent.click(screen.getByTestId('offer-accept'))
    const [accept] = sentOf(server.sent, 'conversation.accept')
    expect(accept).toEqual({ type: 'conversation.accept', id: expect.any(String), conversationId: 'c1' })
    await waitFor(() => expect((screen.getByTestId('offer-accept') as HTMLButtonElement).disabled).toBe(true))
    expect(deps.history.pathname()).toBe('/console/')

    server.push({ type: 'frame.ack', ref: accept!.id })
    await waitFor(() => expect(deps.history.pathname()).toBe('/console/c/c1'))
    await waitFor(() => expect(calls).toContain('get:c1'))
    await screen.findByRole('heading', { name: 'Dana', level: 1 })
    expect(screen.queryByTestId('offer-item')).toBeNull()
  })

  it('removes an offer that is withdrawn or runs out', async () => {
    const { server } = await signedIn()
    server.push(offer(null))
    await screen.findByTestId('offer-item')
    server.push({ type: 'offer.withdrawn', conversationId: 'c1', operatorId: me, reason: 'rerouted' })
    await waitFor(() => expect(screen.queryByTestId('offer-item')).toBeNull())

    server.push(offer(Date.now() + 200))
    await screen.findByTestId('offer-item')
    // The expiry is noticed on the console's clock tick (use-now.ts), so allow a few ticks on a busy machine.
    await waitFor(() => expect(screen.queryByTestId('offer-item')).toBeNull(), { timeout: 5_000 })
  })

  it('drops the offer with a notice when a colleague was faster, and sends skips', async () => {
    const { server } = await signedIn()
    server.push(offer(null))
    fireEvent.click(await screen.findByTestId('offer-accept'))
    const [accept] = sentOf(server.sent, 'conversation.accept')
    server.push({
      type: 'frame.error',
      ref: accept!.id,
      code: 'conversation_taken',
      message: 'Another operator already took this conversation',
    })
    expect((await screen.findByRole('alert')).textContent).toContain('Another operator took that chat first.')
    expect(screen.queryByTestId('offer-item')).toBeNull()

    server.push(offer(null))
    fireEvent.click(await screen.findByTestId('offer-skip'))
    expect(sentOf(server.sent, 'conversation.skip')).toEqual([
      { type: 'conversation.skip', id: expect.any(String), conversationId: 'c1' },
    ])
  })
})

describe('presence', () => {
  it('sends Away, shows it, and sends it again after a reconnect', async () => {
    const { server } = await signedIn()
    const toggle = screen.getByTestId('presence-toggle') as HTMLSelectElement
    expect(toggle.value).toBe('online')
    expect(sentOf(server.sent, 'presence.set')).toEqual([])

    fireEvent.change(toggle, { target: { value: 'away' } })
    expect(sentOf(server.sent, 'presence.set')).toEqual([
      { type: 'presence.set', id: expect.any(String), status: 'away' },
    ])
    await waitFor(() =>
      expect((screen.getByTestId('presence-toggle') as HTMLSelectElement).value).toBe('away'),
    )

    server.drop()
    await waitFor(() => expect(server.connections).toBe(2))
    server.push(ready())
    await waitFor(() => expect(sentOf(server.sent, 'presence.set')).toHaveLength(2))
    expect(sentOf(server.sent, 'presence.set')[1]?.status).toBe('away')
  })
})
