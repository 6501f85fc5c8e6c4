// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHarness, type Harness, json, seedWorkspace } from '../../server/http/test-harness.ts'
import { en } from '../../server/i18n/index.ts'
import type { CreatedWorkspace } from '../../server/workspaces/index.ts'
import type { ChannelPanelProps } from '../channels/channel-types.ts'
import type { WidgetConfig } from '../host-contract.ts'
import { CallbackPanel } from './callback-panel.tsx'

// The panel talks to the real app (in process): `fetch` is routed to `app.request`.
let h: Harness
let a: CreatedWorkspace
let props: ChannelPanelProps
const leads: unknown[] = []
const channels = { enabled: ['callback'] }

beforeEach(async () => {
  h = await createHarness()
  a = await seedWorkspace(h, 'a')
  const created = await h.app.request(
    '/api/visitors',
    json({ widgetId: a.widget.id, context: { language: 'pl-PL' } }),
  )
  const { token } = (await created.json()) as { token: string }
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const res = await h.app.request(url.replace('https://chat.example.test', ''), init)
    return { ok: res.ok, status: res.status, json: () => res.json() }
  })
  leads.length = 0
  // Issue 5: the server takes callback requests only from a widget that offers them.
  await h.store.updateWidget(a.workspace.id, a.widget.id, { settings: { channels }, now: 1 })
  // The browser's clock agrees with the server's (the confirmation compares the due time to now).
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(h.clock.now())
  props = {
    baseUrl: 'https://chat.example.test/',
    config: { locale: 'en', texts: { ...en }, settings: {} } as unknown as WidgetConfig,
    visitorToken: async () => token,
    prefill: { name: 'Anna' },
    emit: (_event, data) => leads.push(data),
    autoFocus: true,
  }
})
afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  vi.useRealTimers()
  await h.close()
})

describe('CallbackPanel', () => {
  it('sends an ASAP request and confirms the time; prefill fills the name', async () => {
    render(<CallbackPanel {...props} />)
    const name = (await screen.findByLabelText('Your name')) as HTMLInputElement
    expect(name.value).toBe('Anna')
    const phone = screen.getByLabelText('Phone number') as HTMLInputElement
    expect(phone.type).toBe('tel')
    expect(phone.autocomplete).toBe('tel')
    fireEvent.input(phone, { target: { value: '601 234 567' } })
    fireEvent.submit(name.form!)
    const done = await screen.findByRole('status')
    // The harness line is closed (Wednesday 00:00 UTC): the call is at the next opening.
    expect(done.textContent).toMatch(/^Thank you! We will call you at Wednesday/)
    expect(leads).toMatchObject([{ kind: 'callback' }])
    expect(await h.store.listCallbacks(await firstWorkspace())).toMatchObject([
      { id: (leads[0] as { id: string }).id, name: 'Anna', phone: '+48601234567', preferred: 'asap' },
    ])
  })

  it('checks the phone lightly, then shows the server refusal at the field', async () => {
    render(<CallbackPanel {...props} />)
    const phone = (await screen.findByLabelText('Phone number')) as HTMLInputElement
    fireEvent.input(phone, { target: { value: 'abc' } })
    fireEvent.submit(phone.form!)
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'))
    expect(document.getElementById(phone.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Please enter a valid phone number.',
    )
    // Passes the light check, but is no number in any country: the server says so.
    fireEvent.input(phone, { target: { value: '+999 1234567' } })
    fireEvent.submit(phone.form!)
    await waitFor(() => expect(leads).toEqual([]))
    await waitFor(() => expect(document.activeElement).toBe(phone))
    expect(phone.getAttribute('aria-invalid')).toBe('true')
  })

  it('offers slots grouped by day with the business zone noted', async () => {
    render(<CallbackPanel {...props} />)
    fireEvent.click(await screen.findByLabelText('At a chosen time'))
    const select = (await screen.findByLabelText('At a chosen time', {
      selector: 'select',
    })) as HTMLSelectElement
    expect(select.querySelectorAll('optgroup')).toHaveLength(3)
    expect(select.querySelectorAll('option')).toHaveLength(3 * 36)
    expect(screen.getByText(/our office is in UTC/)).toBeTruthy()
    fireEvent.input(screen.getByLabelText('Phone number'), { target: { value: '+48 601 234 567' } })
    select.value = select.options[1]!.value
    fireEvent.submit(select.form!)
    await screen.findByText(/^Thank you! We will call you at/)
    const [stored] = await h.store.listCallbacks(await firstWorkspace())
    expect(stored).toMatchObject({ preferred: 'slot', dueAt: Number(select.options[1]!.value) })
  })
})

describe('CallbackPanel with extra fields (issue 5 item 3)', () => {
  beforeEach(async () => {
    const form = await h.store.createForm({
      workspaceId: a.workspace.id,
      name: 'Callback extras',
      enabled: true,
      now: 1,
      definition: {
        version: 1,
        sections: [
          {
            key: 'x',
            fields: [
              {
                key: 'product',
                type: 'select',
                label: 'Product',
                required: true,
                options: [
                  { value: 'tv', label: 'Television' },
                  { value: 'pc', label: 'Computer' },
                ],
              },
              {
                key: 'serial',
                type: 'text',
                label: 'Serial number',
                required: true,
                showIf: { field: 'product', op: 'eq', value: 'pc' },
              },
            ],
          },
        ],
      },
    })
    const callback = { extraFormId: form.id }
    await h.store.updateWidget(a.workspace.id, a.widget.id, { settings: { channels, callback }, now: 2 })
    props = { ...props, config: { ...props.config, settings: { callback } } as WidgetConfig }
  })

  it("renders the form's fields with their conditions; the server's messages sit at them; the answers are kept", async () => {
    render(<CallbackPanel {...props} />)
    const product = (await screen.findByLabelText(/^Product/)) as HTMLSelectElement
    expect(screen.queryByLabelText(/^Serial number/)).toBeNull()
    fireEvent.input(screen.getByLabelText('Phone number'), { target: { value: '+48 601 234 567' } })
    fireEvent.submit(product.form!)
    // Required by the form engine on the server: refused at the field, focused, nothing stored.
    await waitFor(() => expect(product.getAttribute('aria-invalid')).toBe('true'))
    expect(document.getElementById(`${product.id}-e`)?.textContent).toBe(en['form.required'])
    await waitFor(() => expect(document.activeElement).toBe(product))
    expect(leads).toEqual([])

    fireEvent.change(product, { target: { value: 'pc' } })
    const serial = await screen.findByLabelText(/^Serial number/)
    serial.focus()
    fireEvent.input(serial, { target: { value: 'SN-42' } })
    // Typing clears the field's message and the focus stays where the visitor types.
    await waitFor(() => expect(product.getAttribute('aria-invalid')).toBeNull())
    expect(document.activeElement).toBe(serial)
    fireEvent.submit(product.form!)
    await screen.findByText(/^Thank you! We will call you at/)
    const [stored] = await h.store.listCallbacks(a.workspace.id)
    expect(stored?.extra).toEqual({ Product: 'Computer', 'Serial number': 'SN-42' })
  })
})

async function firstWorkspace(): Promise<string> {
  const op = await h.store.findOperatorByEmail('admin-a@example.test')
  return op!.workspaceId
}
