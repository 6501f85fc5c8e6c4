// @vitest-environment happy-dom
/**
 * The pre-chat form (issue 5 item 3), Back from the chat (several channels) and the operator's name
 * switch (item 6), on the real widget shell with the real server in process.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact'
import { render } from 'preact'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FormDefinition } from '../../server/forms/form-types.ts'
import { createHarness, type Harness, json, seedWorkspace } from '../../server/http/test-harness.ts'
import type { CreatedWorkspace } from '../../server/workspaces/index.ts'
import type { WidgetEvent } from '../host-contract.ts'
import { connectedTestChat } from '../realtime/test-chat.ts'
import { testConfig } from './test-config.ts'
import { mountWidget, type RootHost } from './widget-root.tsx'

const definition: FormDefinition = {
  version: 1,
  sections: [
    {
      key: 's',
      fields: [
        { key: 'name', type: 'text', label: 'Your name', required: true },
        { key: 'email', type: 'email', label: 'E-mail', required: true },
      ],
    },
  ],
}

let h: Harness
let a: CreatedWorkspace
let visitorId: string
let formId: string

beforeEach(async () => {
  h = await createHarness()
  a = await seedWorkspace(h, 'a')
  const created = await (await h.app.request('/api/visitors', json({ widgetId: a.widget.id }))).json()
  visitorId = created.visitorId
  formId = (
    await h.store.createForm({
      workspaceId: a.workspace.id,
      name: 'Pre-chat',
      definition,
      enabled: true,
      now: 1,
    })
  ).id
  // The panels talk to the real app in process; the fake chat's token stands for the real one.
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const headers = { ...(init?.headers as Record<string, string>) }
    if (headers.Authorization) headers.Authorization = `Bearer ${created.token}`
    const res = await h.app.request(url.replace('https://chat.example/', '/'), { ...init, headers })
    return { ok: res.ok, status: res.status, json: () => res.json() }
  })
})
afterEach(async () => {
  cleanup()
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
  await h.close()
})

async function mounted(settings: Record<string, unknown>, unreadSeqs: number[] = []) {
  // The server knows the widget as the browser does: it takes only the forms the widget shows (issue 5).
  await h.store.updateWidget(a.workspace.id, a.widget.id, { settings, now: 2 })
  const { chat, socket } = await connectedTestChat({ unreadSeqs })
  const mount = document.createElement('div')
  const launcher = document.createElement('button')
  document.body.append(launcher, mount)
  const events: [WidgetEvent, unknown][] = []
  const host: RootHost = {
    baseUrl: 'https://chat.example/',
    config: testConfig(settings),
    mount,
    launcher,
    setUnread: () => {},
    setExpanded: () => {},
    setLabel: () => {},
    emit: (event, data) => events.push([event, data]),
    activeElement: () => document.activeElement,
  }
  let app: ReturnType<typeof mountWidget> | undefined
  await act(() => {
    app = mountWidget(chat, host)
  })
  return { app: app!, mount, events, socket }
}

describe('the pre-chat form', () => {
  it('comes before a new chat; its answers identify the visitor; then the chat opens with focus', async () => {
    const { app, mount, events } = await mounted({ channels: { preChatFormId: formId } })
    await act(() => app.open())
    const name = (await screen.findByLabelText(/^Your name/)) as HTMLInputElement
    expect(screen.getByRole('dialog', { name: 'Chat with us' })).toBeTruthy()
    expect(screen.queryByTestId('openline-input')).toBeNull()
    fireEvent.input(name, { target: { value: 'Ada Lovelace' } })
    fireEvent.input(screen.getByLabelText(/^E-mail/), { target: { value: 'ada@example.com' } })
    fireEvent.submit(name.form!)
    const input = await screen.findByTestId('openline-input')
    await waitFor(() => expect(document.activeElement).toBe(input))
    expect(events.filter(([e]) => e === 'lead')).toMatchObject([['lead', { kind: 'form' }]])
    expect(await h.store.getVisitor(a.workspace.id, visitorId)).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    })
    // Sent once: closing and reopening goes straight back to the chat.
    await act(() => app.close())
    await act(() => app.open())
    expect(screen.getByTestId('openline-input')).toBeTruthy()
    render(null, mount)
  })

  it('is skipped by a visitor with a conversation', async () => {
    const { app, mount } = await mounted({ channels: { preChatFormId: formId } }, [1])
    await act(() => app.open())
    expect(screen.getByTestId('openline-input')).toBeTruthy()
    expect(screen.queryByLabelText(/^Your name/)).toBeNull()
    render(null, mount)
  })

  it('follows the choice of chat in the chooser, with Back to the choices', async () => {
    const { app, mount } = await mounted({
      channels: { enabled: ['chat', 'callback'], preChatFormId: formId },
    })
    await act(() => app.show('chat'))
    await screen.findByLabelText(/^Your name/)
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    })
    expect(screen.getByTestId('openline-chooser')).toBeTruthy()
    render(null, mount)
  })
})

describe('the chat in the widget', () => {
  it('has Back to the chooser when several channels are on, even from an ongoing conversation', async () => {
    const { app, mount } = await mounted({ channels: { enabled: ['chat', 'callback'] } }, [1])
    await act(() => app.open())
    expect(screen.getByTestId('openline-input')).toBeTruthy()
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    })
    expect(screen.getByTestId('openline-chooser')).toBeTruthy()
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Chat with us' }))
    })
    expect(screen.getByTestId('openline-input')).toBeTruthy()
    render(null, mount)
  })

  it('has no Back with one channel', async () => {
    const { app, mount } = await mounted({})
    await act(() => app.open())
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull()
    render(null, mount)
  })

  it.each([
    [true, 'Anna'],
    [false, 'Support'],
  ])("showOperatorName %s: the operator is shown as '%s'", async (showOperatorName, shown) => {
    const { app, mount, socket } = await mounted({ showOperatorName }, [1])
    await act(() => app.open())
    await act(() => {
      socket.receive({
        type: 'typing.updated',
        conversationId: 'c1',
        authorKind: 'operator',
        authorId: 'op1',
        authorName: 'Anna',
        typing: true,
      })
    })
    const message = screen.getAllByTestId('openline-message')[0]!
    expect(message.textContent).toContain(shown)
    expect(message.textContent?.includes('Anna')).toBe(showOperatorName)
    const typing = screen.getByTestId('openline-typing').textContent
    expect(typing).toBe(showOperatorName ? 'Anna is typing…' : 'Someone is typing…')
    render(null, mount)
  })
})
