// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, type ConsoleApi } from '../api/index.ts'
import { TeamActions } from './team-actions.tsx'
import type { TransferTarget } from './team-dialogs.tsx'
import { fakeApi, testSession } from './test-doubles.ts'

afterEach(cleanup)

const bob = { ...testSession.operator, id: 'op-bob', name: 'Bob', role: 'operator' as const }
const cy = { ...testSession.operator, id: 'op-cy', name: 'Cy', role: 'operator' as const }
const line = (id: string, name: string) => ({ id, workspaceId: 'ws', name, settings: {}, createdAt: 0 })

function setup(api: ConsoleApi, participantIds: string[] = []) {
  const transfers: [TransferTarget, string][] = []
  const invites: string[] = []
  render(
    <TeamActions
      api={api}
      me="op-me"
      assigneeId="op-me"
      participantIds={participantIds}
      lineId="line-1"
      fallbackColleagues={[{ id: 'op-seen', name: 'Operator op-seen' }]}
      onTransfer={(to, label) => transfers.push([to, label])}
      onInvite={(id) => invites.push(id)}
    />,
  )
  return { transfers, invites }
}

const adminApi = (): ConsoleApi => ({
  ...fakeApi({ conversations: [] }).api,
  listOperators: async () => [testSession.operator, bob, cy],
  listLines: async () => [line('line-1', 'Support'), line('line-2', 'Sales')],
})

describe('Transfer dialog', () => {
  it('is a modal dialog that focuses its field, lists colleagues and other lines, and transfers', async () => {
    const { transfers } = setup(adminApi())
    const opener = screen.getByTestId('transfer-open')
    opener.focus()
    fireEvent.click(opener)
    const dialog = screen.getByRole('dialog', { name: 'Transfer conversation' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    const select = screen.getByTestId('transfer-target') as HTMLSelectElement
    expect(document.activeElement).toBe(select)
    await waitFor(() => expect(select.getAttribute('aria-busy')).toBe('false'))
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Choose a colleague or a line',
      'Bob',
      'Cy',
      'Sales',
    ])

    fireEvent.change(select, { target: { value: 'line:line-2' } })
    fireEvent.click(screen.getByTestId('transfer-submit'))
    expect(transfers).toEqual([[{ lineId: 'line-2' }, 'Sales']])
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(opener)
  })

  it('closes on Escape and gives the focus back to its button', () => {
    const { transfers } = setup(adminApi())
    const opener = screen.getByTestId('transfer-open')
    opener.focus()
    fireEvent.click(opener)
    fireEvent.keyDown(screen.getByTestId('transfer-target'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(opener)
    expect(transfers).toEqual([])
  })

  it('falls back to the colleagues seen on conversations when the admin lists are forbidden', async () => {
    const denied = async (): Promise<never> => {
      throw new ApiError(403, 'forbidden', 'Admins only')
    }
    const { transfers } = setup({ ...adminApi(), listOperators: denied, listLines: denied })
    fireEvent.click(screen.getByTestId('transfer-open'))
    await screen.findByText(/Only admins see every colleague and line/)
    const select = screen.getByTestId('transfer-target') as HTMLSelectElement
    expect([...select.options].map((o) => o.value)).toEqual(['', 'op:op-seen'])
    fireEvent.change(select, { target: { value: 'op:op-seen' } })
    fireEvent.click(screen.getByTestId('transfer-submit'))
    expect(transfers).toEqual([[{ operatorId: 'op-seen' }, 'Operator op-seen']])
  })
})

describe('Invite dialog', () => {
  it('offers colleagues not already in the conversation and invites one', async () => {
    const { invites } = setup(adminApi(), ['op-bob'])
    fireEvent.click(screen.getByTestId('invite-open'))
    screen.getByRole('dialog', { name: 'Invite a colleague' })
    const select = screen.getByTestId('invite-target') as HTMLSelectElement
    await waitFor(() => expect(select.getAttribute('aria-busy')).toBe('false'))
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose a colleague', 'Cy'])
    fireEvent.change(select, { target: { value: 'op-cy' } })
    fireEvent.click(screen.getByTestId('invite-submit'))
    expect(invites).toEqual(['op-cy'])
  })
})
