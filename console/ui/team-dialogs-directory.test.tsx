// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, type ConsoleApi } from '../api/index.ts'
import { TeamActions } from './team-actions.tsx'
import { fakeApi } from './test-doubles.ts'

/** Issue "Open lines": with GET /api/team a non-admin sees every colleague and line. */
afterEach(cleanup)

const denied = async (): Promise<never> => {
  throw new ApiError(403, 'forbidden', 'Admins only')
}

const agentApi = (): ConsoleApi => ({
  ...fakeApi({ conversations: [] }).api,
  listOperators: denied,
  listLines: denied,
  team: async () => ({
    operators: [
      { id: 'op-me', name: 'Me', avatarUrl: null },
      { id: 'op-bob', name: 'Bob', avatarUrl: null },
    ],
    lines: [
      { id: 'line-1', name: 'Support' },
      { id: 'line-2', name: 'Sales' },
    ],
  }),
})

describe('Transfer dialog for a non-admin', () => {
  it('lists colleagues and lines from the team directory, with no "admins only" hint', async () => {
    render(
      <TeamActions
        api={agentApi()}
        me="op-me"
        assigneeId="op-me"
        participantIds={[]}
        lineId="line-1"
        fallbackColleagues={[]}
        onTransfer={() => {}}
        onInvite={() => {}}
      />,
    )
    fireEvent.click(screen.getByTestId('transfer-open'))
    const select = screen.getByTestId('transfer-target') as HTMLSelectElement
    await waitFor(() => expect(select.getAttribute('aria-busy')).toBe('false'))
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Choose a colleague or a line',
      'Bob',
      'Sales',
    ])
    expect(screen.getByText('The visitor is told who they are talking to now.')).toBeTruthy()
  })
})
