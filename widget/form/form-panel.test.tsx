// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FormDefinition } from '../../server/forms/form-types.ts'
import { createHarness, type Harness, json, seedWorkspace } from '../../server/http/test-harness.ts'
import { en } from '../../server/i18n/index.ts'
import type { CreatedWorkspace } from '../../server/workspaces/index.ts'
import type { ChannelPanelProps } from '../channels/channel-types.ts'
import type { WidgetConfig } from '../host-contract.ts'
import { FormPanel } from './form-panel.tsx'

const definition: FormDefinition = {
  version: 1,
  successMessage: 'Thanks, we will write back.',
  sections: [
    {
      key: 'you',
      title: 'About you',
      fields: [
        { key: 'name', type: 'text', label: 'Name', required: true, help: 'As on your ID' },
        { key: 'email', type: 'email', label: 'E-mail', required: true },
        {
          key: 'reason',
          type: 'radio',
          label: 'Reason',
          required: true,
          options: [
            { value: 'buy', label: 'Buying' },
            { value: 'help', label: 'Help' },
          ],
        },
        {
          key: 'company',
          type: 'text',
          label: 'Company',
          required: true,
          showIf: { field: 'reason', op: 'eq', value: 'buy' },
        },
        { key: 'campaign', type: 'hidden', label: 'Campaign', source: { from: 'utm', name: 'campaign' } },
        { key: 'terms', type: 'consent', label: 'I agree to the terms', required: true },
      ],
    },
  ],
}

// The panel talks to the real app (in process): `fetch` is routed to `app.request`.
let h: Harness
let a: CreatedWorkspace
let props: ChannelPanelProps & { formId: string }
const leads: Array<{ kind: string; id: string }> = []

beforeEach(async () => {
  h = await createHarness()
  a = await seedWorkspace(h, 'a')
  const created = await h.app.request('/api/visitors', json({ widgetId: a.widget.id }))
  const { token } = (await created.json()) as { token: string }
  const form = await h.store.createForm({
    workspaceId: a.workspace.id,
    name: 'Leads',
    definition,
    enabled: true,
    now: 1,
  })
  // Issue 5: the server takes a widget's submission only of a form that widget shows.
  const settings = { channels: { enabled: ['form'], formId: form.id } }
  await h.store.updateWidget(a.workspace.id, a.widget.id, { settings, now: 2 })
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const res = await h.app.request(url.replace('https://chat.example.test', ''), init)
    return { ok: res.ok, status: res.status, json: () => res.json() }
  })
  history.replaceState(null, '', '/pricing?utm_campaign=spring&utm_source=news')
  leads.length = 0
  props = {
    baseUrl: 'https://chat.example.test/',
    config: { locale: 'en', texts: { ...en } } as unknown as WidgetConfig,
    visitorToken: async () => token,
    prefill: { name: 'Anna' },
    emit: (_event, data) => leads.push(data),
    autoFocus: true,
    formId: form.id,
  }
})
afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await h.close()
})

describe('FormPanel', () => {
  it('reveals a field by condition, sends visible values with the page UTM, confirms and emits lead', async () => {
    render(<FormPanel {...props} />)
    const name = (await screen.findByLabelText(/^Name/)) as HTMLInputElement
    expect(name.value).toBe('Anna')
    expect(name.required).toBe(true)
    await waitFor(() => expect(document.activeElement).toBe(name))
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('As on your ID')
    expect(screen.getByRole('group', { name: /^Reason/ }).tagName).toBe('FIELDSET')
    expect(screen.queryByLabelText(/^Company/)).toBeNull()
    expect(screen.queryByLabelText(/^Campaign/)).toBeNull()

    fireEvent.input(screen.getByLabelText(/^E-mail/), { target: { value: 'anna@example.com' } })
    fireEvent.click(screen.getByLabelText('Buying'))
    const company = (await screen.findByLabelText(/^Company/)) as HTMLInputElement
    fireEvent.input(company, { target: { value: 'Acme' } })
    fireEvent.click(screen.getByLabelText(/^I agree/))
    fireEvent.submit(name.form!)

    const done = await screen.findByRole('status')
    expect(done.textContent).toBe('Thanks, we will write back.')
    await waitFor(() => expect(document.activeElement).toBe(done))
    expect(leads).toMatchObject([{ kind: 'form' }])
    const stored = await h.store.getFormSubmission(a.workspace.id, leads[0]!.id)
    expect(stored).toMatchObject({
      values: {
        name: 'Anna',
        email: 'anna@example.com',
        reason: 'buy',
        company: 'Acme',
        campaign: 'spring',
        terms: true,
      },
      widgetId: a.widget.id,
      utm: { campaign: 'spring', source: 'news' },
    })
    expect(stored?.pageUrl).toMatch(/\/pricing\?utm_campaign=spring/)
  })

  it("shows the server's messages at the fields and focuses the first", async () => {
    render(<FormPanel {...props} prefill={{}} />)
    const name = (await screen.findByLabelText(/^Name/)) as HTMLInputElement
    fireEvent.input(screen.getByLabelText(/^E-mail/), { target: { value: 'not-mail' } })
    fireEvent.submit(name.form!)
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'))
    expect(name.getAttribute('aria-describedby')).toContain(`${name.id}-e`)
    expect(document.getElementById(`${name.id}-e`)?.textContent).toBe('Please fill in this field.')
    const email = screen.getByLabelText(/^E-mail/)
    expect(document.getElementById(`${email.id}-e`)?.textContent).toBe('Please enter a valid email address.')
    for (const radio of screen.getAllByRole('radio')) expect(radio.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(name)
    // Typing clears that field's message; the others stay until the next attempt.
    fireEvent.input(name, { target: { value: 'Jo' } })
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBeNull())
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(leads).toEqual([])
  })

  it('says so when the form is switched off', async () => {
    await h.store.updateForm(a.workspace.id, props.formId, { enabled: false, now: 2 })
    render(<FormPanel {...props} />)
    expect((await screen.findByRole('alert')).textContent).toBe(en['form.notFound'])
  })
})
