// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ApiError,
  type CrmApi,
  type CrmConnectionBody,
  type CrmConnectionView,
  type CrmDelivery,
  type CrmTestResult,
  type Operator,
} from '../../api/index.ts'
import { ConsoleShell } from '../console-shell.tsx'
import { fakeApi, fakeSocket, testDeps, testSession } from '../test-doubles.ts'
import { CrmPage } from './crm-page.tsx'

afterEach(cleanup)

const ann = testSession.operator
const bob: Operator = { ...ann, id: 'op-bob', email: 'bob@example.com', name: 'Bob', role: 'operator' }
const NOW = Date.UTC(2025, 0, 1)
const DEFAULT_RULES: CrmConnectionView['leadRules'] = {
  sources: ['chat', 'callback', 'form'],
  lineIds: [],
  widgetIds: [],
  recognisedClient: 'attach',
}

function dead(id: string): CrmDelivery {
  return {
    id,
    connectionId: 'c1',
    connectionName: 'Zapier',
    topic: 'lead.form',
    subjectId: 'sub-1',
    status: 'dead',
    attempts: 12,
    lastError: 'The webhook endpoint answered 500',
    nextAttemptAt: null,
    deliveredAt: null,
    crmId: null,
    createdAt: NOW - 60_000,
  }
}

/** An in-memory CRM API that masks like the server does, recording the bodies it got. */
function fakeCrm(options: { test?: CrmTestResult; reject?: ApiError; deliveries?: CrmDelivery[] } = {}) {
  const bodies: CrmConnectionBody[] = []
  const deliveryQueries: unknown[] = []
  let connections: CrmConnectionView[] = []
  let deliveries = options.deliveries ?? []
  let n = 0
  const view = (id: string, body: CrmConnectionBody, previous?: CrmConnectionView): CrmConnectionView => {
    const settings = (body.settings ?? previous?.settings) as CrmConnectionView['settings']
    const masked =
      settings.kind === 'webhook'
        ? { kind: 'webhook' as const, url: 'https://hooks.example/in/••••', secret: '••••wxyz' }
        : settings
    return {
      id,
      name: body.name ?? previous?.name ?? '',
      enabled: body.enabled ?? previous?.enabled ?? true,
      settings: masked,
      fieldMap: body.fieldMap ?? previous?.fieldMap ?? {},
      userMap: body.userMap ?? previous?.userMap ?? {},
      leadRules: (body.leadRules as CrmConnectionView['leadRules'] | undefined) ??
        previous?.leadRules ?? { ...DEFAULT_RULES },
      createdAt: NOW,
      updatedAt: NOW,
    }
  }
  const crm: CrmApi = {
    listConnections: async () => connections,
    async createConnection(body) {
      bodies.push(body)
      if (options.reject) throw options.reject
      const created = view(`c${++n}`, body)
      connections = [...connections, created]
      return created
    },
    async updateConnection(id, body) {
      bodies.push(body)
      const updated = view(
        id,
        body,
        connections.find((c) => c.id === id),
      )
      connections = connections.map((c) => (c.id === id ? updated : c))
      return updated
    },
    deleteConnection: async (id) => {
      connections = connections.filter((c) => c.id !== id)
    },
    testConnection: async () => options.test ?? { ok: true },
    async listDeliveries(query) {
      deliveryQueries.push(query)
      return deliveries.filter((d) => !query.status || d.status === query.status)
    },
    async replayDelivery(id) {
      const replayed = { ...dead(id), status: 'pending' as const, attempts: 0, nextAttemptAt: NOW }
      deliveries = deliveries.map((d) => (d.id === id ? replayed : d))
      return replayed
    },
  }
  return { crm, bodies, deliveryQueries }
}

function renderPage(crm: CrmApi) {
  const { api } = fakeApi({ conversations: [], operators: [ann, bob] })
  const lines = [
    { id: 'line-sales', workspaceId: 'ws', name: 'Sales', settings: {}, createdAt: 0 },
    { id: 'line-support', workspaceId: 'ws', name: 'Support', settings: {}, createdAt: 0 },
  ]
  const widgets = [
    {
      id: 'widget-shop',
      name: 'Shop site',
      publicSlug: 'shop',
      lineId: 'line-sales',
      settings: {},
      allowedOrigins: [],
    },
  ]
  return render(
    <CrmPage
      api={{ ...api, crm, listLines: async () => lines, listWidgets: async () => widgets }}
      clock={{ now: () => NOW }}
    />,
  )
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement

async function addWebhook() {
  fireEvent.click(await screen.findByTestId('crm-add'))
  fireEvent.input(input('crm-name'), { target: { value: 'Zapier' } })
  fireEvent.input(input('crm-field-url'), { target: { value: 'https://hooks.example/in/abc?key=1' } })
  fireEvent.click(screen.getByTestId('crm-save'))
}

describe('CRM page', () => {
  it('is linked from the top bar for admins', async () => {
    const { crm } = fakeCrm()
    const { api } = fakeApi({ conversations: [] })
    const { open } = fakeSocket()
    render(
      <ConsoleShell
        deps={testDeps({ ...api, crm }, open, '/console/crm')}
        session={testSession}
        onSignedOut={() => undefined}
      />,
    )
    expect(screen.getByTestId('nav-crm').getAttribute('aria-current')).toBe('page')
    expect(await screen.findByText('No CRM connected yet.')).toBeTruthy()
  })

  it('adds a webhook connection, shows it masked and tests it', async () => {
    const { crm, bodies } = fakeCrm()
    renderPage(crm)
    await addWebhook()
    const row = await screen.findByTestId('crm-connection-row')
    expect(bodies[0]).toEqual({
      name: 'Zapier',
      enabled: true,
      settings: { kind: 'webhook', url: 'https://hooks.example/in/abc?key=1' },
      fieldMap: {},
      userMap: {},
      leadRules: DEFAULT_RULES,
    })
    expect(within(row).getByTestId('crm-connection-address').textContent).toBe(
      'https://hooks.example/in/••••',
    )
    fireEvent.click(within(row).getByRole('button', { name: 'Test Zapier' }))
    expect(await within(row).findByText('Connection works.')).toBeTruthy()
  })

  it("shows a failed test's message", async () => {
    const { crm } = fakeCrm({
      test: { ok: false, error: { code: 'unauthorized', message: 'Bitrix24 refused the webhook' } },
    })
    renderPage(crm)
    await addWebhook()
    fireEvent.click(await screen.findByTestId('crm-connection-test'))
    expect(await screen.findByText('Bitrix24 refused the webhook')).toBeTruthy()
  })

  it('edits with the masked secret sent back as is, plus field and user maps', async () => {
    const { crm, bodies } = fakeCrm()
    renderPage(crm)
    await addWebhook()
    fireEvent.click(await screen.findByTestId('crm-connection-edit'))
    expect(input('crm-field-secret').value).toBe('••••wxyz')
    expect((screen.getByTestId('crm-kind') as HTMLSelectElement).disabled).toBe(true)
    fireEvent.click(screen.getByTestId('crm-map-add'))
    fireEvent.input(screen.getByLabelText('Openline field'), { target: { value: 'Company' } })
    fireEvent.input(screen.getByLabelText('CRM field'), { target: { value: 'company_name' } })
    fireEvent.input(screen.getByLabelText('CRM user id of Bob (bob@example.com)'), {
      target: { value: '17' },
    })
    fireEvent.click(screen.getByTestId('crm-save'))
    await waitFor(() => expect(bodies).toHaveLength(2))
    expect(bodies[1]).toEqual({
      name: 'Zapier',
      enabled: true,
      settings: { kind: 'webhook', url: 'https://hooks.example/in/••••', secret: '••••wxyz' },
      fieldMap: { Company: 'company_name' },
      userMap: { 'op-bob': '17' },
      leadRules: DEFAULT_RULES,
    })
  })

  it('edits the lead rules: sources, lines, widgets and what a recognised client gets (issue 6, item 1)', async () => {
    const { crm, bodies } = fakeCrm()
    renderPage(crm)
    await addWebhook()
    fireEvent.click(await screen.findByTestId('crm-connection-edit'))
    const rules = screen.getByTestId('crm-lead-rules')
    expect((within(rules).getByLabelText('Chats') as HTMLInputElement).checked).toBe(true)
    expect(
      (within(rules).getByLabelText('Add it to their existing record (a note)') as HTMLInputElement).checked,
    ).toBe(true)
    fireEvent.click(within(rules).getByLabelText('Chats'))
    fireEvent.click(await within(rules).findByLabelText('Support'))
    fireEvent.click(within(rules).getByLabelText('Shop site'))
    fireEvent.click(within(rules).getByLabelText('Always create a new lead'))
    fireEvent.click(screen.getByTestId('crm-save'))
    await waitFor(() => expect(bodies).toHaveLength(2))
    expect(bodies[1]?.leadRules).toEqual({
      sources: ['callback', 'form'],
      lineIds: ['line-support'],
      widgetIds: ['widget-shop'],
      recognisedClient: 'new-lead',
    })
    // saved and shown again as they were picked
    fireEvent.click(await screen.findByTestId('crm-connection-edit'))
    const again = screen.getByTestId('crm-lead-rules')
    expect((within(again).getByLabelText('Chats') as HTMLInputElement).checked).toBe(false)
    expect((within(again).getByLabelText('Support') as HTMLInputElement).checked).toBe(true)
    expect((within(again).getByLabelText('Sales') as HTMLInputElement).checked).toBe(false)
    expect((within(again).getByLabelText('Always create a new lead') as HTMLInputElement).checked).toBe(true)
  })

  it('refuses to save lead rules without a source', async () => {
    const { crm, bodies } = fakeCrm()
    renderPage(crm)
    await addWebhook()
    fireEvent.click(await screen.findByTestId('crm-connection-edit'))
    const rules = screen.getByTestId('crm-lead-rules')
    for (const label of ['Chats', 'Callback requests', 'Forms'])
      fireEvent.click(within(rules).getByLabelText(label))
    fireEvent.click(screen.getByTestId('crm-save'))
    expect((await screen.findByTestId('crm-lead-rules-error')).textContent).toBe(
      'Pick at least one source, or switch the connection off',
    )
    expect(bodies).toHaveLength(1)
  })

  it('checks required fields before saving and shows server issues next to their field', async () => {
    const reject = new ApiError(400, 'invalid_body', 'Enter the secret again', [
      { path: ['settings', 'token'], message: 'Enter the secret again: a masked value cannot be saved' },
    ])
    const { crm, bodies } = fakeCrm({ reject })
    renderPage(crm)
    fireEvent.click(await screen.findByTestId('crm-add'))
    fireEvent.change(screen.getByTestId('crm-kind'), { target: { value: 'hubspot' } })
    fireEvent.click(screen.getByTestId('crm-save'))
    expect(await screen.findByText('Give the connection a name')).toBeTruthy()
    expect(screen.getByTestId('crm-field-token-error').textContent).toBe(
      'Private app access token is required',
    )
    expect(bodies).toHaveLength(0)
    fireEvent.input(input('crm-name'), { target: { value: 'HS' } })
    fireEvent.input(input('crm-field-token'), { target: { value: '••••1234' } })
    fireEvent.click(screen.getByTestId('crm-save'))
    expect(await screen.findByTestId('crm-editor-error')).toBeTruthy()
    expect(screen.getByTestId('crm-field-token-error').textContent).toContain('masked value')
    expect(input('crm-field-token').getAttribute('aria-invalid')).toBe('true')
  })

  it('switches a connection off from the list', async () => {
    const { crm, bodies } = fakeCrm()
    renderPage(crm)
    await addWebhook()
    const toggle = (await screen.findByLabelText('Send leads to Zapier')) as HTMLInputElement
    expect(toggle.checked).toBe(true)
    fireEvent.change(toggle, { target: { checked: false } })
    await waitFor(() => expect(bodies.at(-1)).toEqual({ enabled: false }))
    await waitFor(() =>
      expect((screen.getByLabelText('Send leads to Zapier') as HTMLInputElement).checked).toBe(false),
    )
  })

  it('lists deliveries with their last error, filters them and replays a dead one', async () => {
    const { crm, deliveryQueries } = fakeCrm({ deliveries: [dead('d1')] })
    renderPage(crm)
    const row = await screen.findByTestId('crm-delivery-row')
    expect(row.textContent).toContain('The webhook endpoint answered 500')
    expect(row.textContent).toContain('Failed for good')
    expect(row.textContent).toContain('12')
    fireEvent.click(within(row).getByRole('button', { name: 'Replay form to Zapier' }))
    expect(await screen.findByText('Delivery to Zapier queued again.')).toBeTruthy()
    expect(screen.getByTestId('crm-delivery-row').getAttribute('data-status')).toBe('pending')
    expect(screen.getByTestId('crm-delivery-row').textContent).toContain('now')
    fireEvent.change(screen.getByTestId('crm-delivery-status'), { target: { value: 'dead' } })
    await waitFor(() => expect(deliveryQueries.at(-1)).toEqual({ status: 'dead', limit: 100 }))
    expect(await screen.findByText('No deliveries to show.')).toBeTruthy()
  })

  it('tells a non-admin that the page is for admins', async () => {
    const { crm } = fakeCrm()
    renderPage({
      ...crm,
      listConnections: async () => Promise.reject(new ApiError(403, 'forbidden', 'Admins only')),
    })
    expect(await screen.findByText('Only workspace admins can manage CRM connections.')).toBeTruthy()
  })
})
