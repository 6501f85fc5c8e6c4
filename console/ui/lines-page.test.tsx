// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, type ConsoleApi, type LineDetail, type LineUpdate, type Operator } from '../api/index.ts'
import { lineDetail } from '../state/line-fixtures.ts'
import { ConsoleShell } from './console-shell.tsx'
import { LinesPage } from './lines-page.tsx'
import { fakeApi, fakeSocket, testDeps, testSession } from './test-doubles.ts'

afterEach(cleanup)

const ann = testSession.operator
const bob: Operator = { ...ann, id: 'op-bob', email: 'bob@example.com', name: 'Bob', role: 'operator' }

function linesApi(respond: (update: LineUpdate, line: LineDetail) => LineDetail) {
  const updates: LineUpdate[] = []
  let line = lineDetail()
  const { api } = fakeApi({ conversations: [] })
  const lines: ConsoleApi = {
    ...api,
    listLines: async () => [
      { ...line, settings: {} },
      { ...lineDetail({ id: 'line-2', name: 'Sales' }), settings: {} },
    ],
    getLine: async (id) => {
      if (id !== line.id) throw new ApiError(404, 'not_found', 'No such line')
      return line
    },
    listOperators: async () => [ann, bob],
    async updateLine(_id, update) {
      updates.push(update)
      line = respond(update, line)
      return line
    },
  }
  return { api: lines, updates }
}

const field = (path: string) => screen.getByTestId(`line-field-${path}`)

describe('Lines page', () => {
  it('is linked from the top bar and opens a line from the list', async () => {
    const { api } = linesApi((_, line) => line)
    const { open } = fakeSocket()
    render(
      <ConsoleShell
        deps={testDeps(api, open, '/console/lines')}
        session={testSession}
        onSignedOut={() => undefined}
      />,
    )
    expect(screen.getByTestId('nav-lines').getAttribute('aria-current')).toBe('page')
    const links = await screen.findAllByTestId('line-link')
    expect(links.map((l) => l.textContent)).toEqual(['General', 'Sales'])
    fireEvent.click(links[0]!)
    expect(await screen.findByTestId('line-settings-form')).toBeTruthy()
    expect(links[0]!.getAttribute('aria-current')).toBe('page')
    expect(screen.getByRole('heading', { name: 'Settings of General' })).toBeTruthy()
  })

  it('edits every section, shows the server errors next to their fields, then saves', async () => {
    let attempt = 0
    const { api, updates } = linesApi((update, line) => {
      attempt += 1
      if (attempt === 1) {
        throw new ApiError(400, 'invalid_body', 'The request body does not match the schema', [
          {
            code: 'custom',
            path: ['settings', 'routing', 'queue', 1],
            message: 'not an operator of this workspace',
          },
          { code: 'custom', path: ['settings', 'workingHours', 'timeZone'], message: 'unknown time zone' },
        ])
      }
      return {
        ...line,
        name: update.name ?? line.name,
        settings: { ...line.settings, ...update.settings } as LineDetail['settings'],
      }
    })
    render(
      <LinesPage
        api={api}
        route={{ name: 'line', id: 'line-1' }}
        navigate={() => undefined}
        timeZones={['Europe/Warsaw', 'America/New_York']}
      />,
    )
    await screen.findByTestId('line-settings-form')

    // Routing: mode, queue order, numbers.
    fireEvent.click(field('settings-routing-mode-in-order'))
    fireEvent.click(screen.getByTestId('line-queue-add'))
    fireEvent.click(screen.getByTestId('line-queue-add'))
    const members = () => screen.getAllByTestId('line-queue-member').map((m) => m.dataset.operatorId)
    expect(members()).toEqual(['op-me', 'op-bob'])
    fireEvent.click(screen.getByRole('button', { name: 'Move Bob (bob@example.com) up' }))
    expect(members()).toEqual(['op-bob', 'op-me'])
    fireEvent.input(screen.getByLabelText('Queue time (seconds)'), { target: { value: '30' } })

    // Working hours: zone, Saturday hours, a day off, a yearly holiday, special hours.
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Europe/Warsaw' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add hours to Saturday' }))
    fireEvent.input(field('settings-workingHours-weekly-sat-0-to'), { target: { value: '14:00' } })
    fireEvent.click(screen.getByTestId('line-day-off-fri'))
    fireEvent.input(screen.getByLabelText('Day and month (DD.MM)'), { target: { value: '25.12' } })
    fireEvent.click(field('settings-workingHours-holidays-yearly-add'))
    fireEvent.click(screen.getByTestId('line-exception-add'))
    fireEvent.input(field('settings-workingHours-exceptions-0-date'), { target: { value: '2026-12-24' } })

    // Off hours and auto-replies.
    fireEvent.click(field('settings-offHours-offer-form'))
    fireEvent.click(field('settings-autoReplies-welcome-enabled'))
    fireEvent.input(field('settings-autoReplies-onClose-text'), { target: { value: 'Bye {visitor_name}!' } })
    expect(screen.getByTestId('line-placeholders-help').textContent).toContain('{next_opening}')

    fireEvent.click(screen.getByTestId('line-save'))
    const summary = await screen.findByTestId('line-save-error')
    expect(summary.getAttribute('role')).toBe('alert')
    expect(summary.textContent).toContain('routing › queue › #2: not an operator of this workspace')
    const second = screen.getAllByTestId('line-queue-member')[1]!
    expect(within(second).getByText('not an operator of this workspace')).toBeTruthy()
    const zone = screen.getByLabelText('Time zone')
    expect(zone.getAttribute('aria-invalid')).toBe('true')
    expect(zone.getAttribute('aria-describedby')).toContain('line-settings-workingHours-timeZone-error')

    // Fixing the field clears its own error only.
    fireEvent.change(zone, { target: { value: 'America/New_York' } })
    expect(screen.queryByTestId('line-field-settings-workingHours-timeZone-error')).toBeNull()
    expect(within(second).getByText('not an operator of this workspace')).toBeTruthy()

    fireEvent.click(screen.getByTestId('line-save'))
    await waitFor(() => expect(screen.getByTestId('line-save-status').textContent).toBe('Saved.'))
    expect(screen.queryByTestId('line-save-error')).toBeNull()
    const sent = updates[1]!
    expect(sent.name).toBe('General')
    expect(sent.settings?.routing).toMatchObject({
      mode: 'in-order',
      queue: ['op-bob', 'op-me'],
      queueTimeSeconds: 30,
    })
    expect(sent.settings?.workingHours).toMatchObject({
      timeZone: 'America/New_York',
      daysOff: ['fri'],
      holidays: { yearly: ['25.12'], dates: [] },
      exceptions: [{ date: '2026-12-24', intervals: [] }],
    })
    expect(sent.settings?.workingHours?.weekly?.sat).toEqual([{ from: '09:00', to: '14:00' }])
    expect(sent.settings?.offHours).toBe('offer-form')
    expect(sent.settings?.autoReplies?.welcome?.enabled).toBe(false)
    expect(sent.settings?.autoReplies?.onClose?.text).toBe('Bye {visitor_name}!')
  })

  it('labels every control and groups sections with legends', async () => {
    const { api } = linesApi((_, line) => line)
    const { container } = render(
      <LinesPage
        api={api}
        route={{ name: 'line', id: 'line-1' }}
        navigate={() => undefined}
        timeZones={[]}
      />,
    )
    await screen.findByTestId('line-settings-form')
    for (const control of container.querySelectorAll('input, select, textarea')) {
      const id = control.getAttribute('id')
      expect(id, control.outerHTML).toBeTruthy()
      expect(container.querySelector(`label[for="${id}"]`), control.outerHTML).not.toBeNull()
    }
    for (const set of container.querySelectorAll('fieldset')) {
      expect(set.querySelector(':scope > legend')?.textContent, set.outerHTML.slice(0, 80)).toBeTruthy()
    }
    for (const button of container.querySelectorAll('button'))
      expect(button.getAttribute('type')).toMatch(/button|submit/)
  })

  it('tells a non-admin they cannot change lines', async () => {
    const { api } = linesApi((_, line) => line)
    const denied: ConsoleApi = {
      ...api,
      listLines: async () => {
        throw new ApiError(403, 'forbidden', 'Admins only')
      },
      getLine: async () => {
        throw new ApiError(403, 'forbidden', 'Admins only')
      },
    }
    render(
      <LinesPage
        api={denied}
        route={{ name: 'line', id: 'line-1' }}
        navigate={() => undefined}
        timeZones={[]}
      />,
    )
    expect((await screen.findByTestId('line-load-error')).textContent).toBe(
      'Only workspace admins can change lines.',
    )
  })
})
