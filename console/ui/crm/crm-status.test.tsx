// @vitest-environment happy-dom
/**
 * Issue 6, item 2: an admin sees on a conversation where its lead stands in each CRM, and the link
 * opens the delivery log filtered to that conversation.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { CrmApi, CrmDelivery } from '../../api/index.ts'
import { wireConversation, wireMessage } from '../../state/test-fixtures.ts'
import { ConsoleShell } from '../console-shell.tsx'
import { fakeApi, fakeSocket, testDeps, testSession } from '../test-doubles.ts'

afterEach(cleanup)

const conversation = wireConversation({
  id: 'c1',
  visitorName: 'Dana',
  lastSeq: 1,
  updatedAt: Date.now(),
  lastMessage: wireMessage({ seq: 1, body: 'Chairs?' }),
})

function row(patch: Partial<CrmDelivery> & Pick<CrmDelivery, 'id' | 'subjectId'>): CrmDelivery {
  return {
    connectionId: 'b24',
    connectionName: 'Bitrix24',
    topic: 'lead.chat',
    status: 'delivered',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    deliveredAt: 1,
    crmId: '42',
    createdAt: 1,
    ...patch,
  }
}

const DELIVERIES = [
  row({ id: 'd1', subjectId: 'c1' }),
  row({
    id: 'd2',
    subjectId: 'c1',
    connectionId: 'hook',
    connectionName: 'Zapier',
    status: 'dead',
    attempts: 12,
    lastError: 'The webhook endpoint answered 500',
    crmId: null,
  }),
  row({ id: 'd3', subjectId: 'other' }),
]

function fakeCrm(deliveries = DELIVERIES) {
  const queries: unknown[] = []
  const crm: CrmApi = {
    listConnections: async () => [],
    createConnection: async () => Promise.reject(new Error('unused')),
    updateConnection: async () => Promise.reject(new Error('unused')),
    deleteConnection: async () => undefined,
    testConnection: async () => ({ ok: true }),
    async listDeliveries(query) {
      queries.push(query)
      return deliveries.filter((d) => !query.subjectId || d.subjectId === query.subjectId)
    },
    replayDelivery: async () => Promise.reject(new Error('unused')),
  }
  return { crm, queries }
}

function renderShell(crm: CrmApi, session = testSession) {
  const { api } = fakeApi({
    conversations: [conversation],
    details: {
      c1: {
        conversation,
        messages: [wireMessage({ seq: 1, body: 'Chairs?' })],
        visitor: { id: 'v', name: 'Dana', email: 'dana@example.com', phone: null, context: {} },
      },
    },
  })
  const { open } = fakeSocket()
  const deps = testDeps({ ...api, crm }, open, '/console/c/c1')
  render(<ConsoleShell deps={deps} session={session} onSignedOut={() => undefined} />)
  return deps
}

describe("a conversation's CRM status", () => {
  it('shows each connection, failed with its last error, and links to the log of this conversation', async () => {
    const { crm, queries } = fakeCrm()
    const deps = renderShell(crm)
    const status = await screen.findByTestId('crm-status')
    expect(queries[0]).toEqual({ subjectId: 'c1', limit: 50 })
    const lines = within(status).getAllByTestId('crm-status-line')
    expect(lines.map((l) => [l.dataset.state, l.textContent])).toEqual([
      ['failed', 'Failed at Zapier: The webhook endpoint answered 500'],
      ['delivered', 'Delivered to Bitrix24'],
    ])
    const link = within(status).getByTestId('crm-status-log')
    expect(link.getAttribute('href')).toBe('/console/crm/deliveries/c1')

    fireEvent.click(link)
    expect(deps.history.pathname()).toBe('/console/crm/deliveries/c1')
    await waitFor(() => expect(screen.getAllByTestId('crm-delivery-row')).toHaveLength(2))
    expect(queries.at(-1)).toEqual({ subjectId: 'c1', limit: 100 })
    expect((screen.getByTestId('crm-delivery-subject') as HTMLInputElement).value).toBe('c1')
    fireEvent.click(screen.getByTestId('crm-delivery-show-all'))
    await waitFor(() => expect(screen.getAllByTestId('crm-delivery-row')).toHaveLength(3))
    expect(queries.at(-1)).toEqual({ limit: 100 })
  })

  it('says when nothing was sent, and is not shown to operators who are not admins', async () => {
    const { crm } = fakeCrm([])
    renderShell(crm)
    expect((await screen.findByTestId('crm-status')).textContent).toContain('Not sent to a CRM (yet).')
    cleanup()
    const { crm: other, queries } = fakeCrm()
    renderShell(other, { ...testSession, operator: { ...testSession.operator, role: 'operator' } })
    await screen.findByTestId('visitor-panel')
    expect(screen.queryByTestId('crm-status')).toBeNull()
    expect(queries).toEqual([])
  })
})
