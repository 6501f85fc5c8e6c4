// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, type ConsoleApi, type Operator, type QuickAnswer, type Session } from '../../api/index.ts'
import { wireConversation, wireMessage } from '../../state/test-fixtures.ts'
import { ConsoleShell } from '../console-shell.tsx'
import { fakeApi, fakeSocket, testDeps, testSession } from '../test-doubles.ts'

afterEach(cleanup)

const ann = testSession.operator
const bob: Operator = { ...ann, id: 'op-bob', email: 'bob@example.com', name: 'Bob', role: 'operator' }

function answer(overrides: Partial<QuickAnswer> & { id: string; shortcut: string }): QuickAnswer {
  return {
    scope: 'workspace',
    ownerId: null,
    title: `Title of ${overrides.shortcut}`,
    text: `Text of ${overrides.shortcut}`,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  }
}

const conversation = wireConversation({
  id: 'c1',
  visitorName: 'Dana',
  lastSeq: 1,
  lastMessage: wireMessage({ seq: 1, body: 'Hi there' }),
})

/** An in-memory quick-answers server for one operator, recording what was sent. */
function quickAnswersApi(operator: Operator, initial: QuickAnswer[], reject?: ApiError) {
  let answers = [...initial]
  let n = 0
  const sent: unknown[] = []
  const { api: base, calls } = fakeApi({
    conversations: [conversation],
    details: {
      c1: {
        conversation,
        messages: [wireMessage({ seq: 1, body: 'Hi there' })],
        notes: [],
        visitor: { id: 'v', name: 'Dana', email: null, phone: null, context: {} },
      },
    },
  })
  const api: ConsoleApi = {
    ...base,
    async listQuickAnswers() {
      calls.push('quick-answers')
      return [...answers].sort((a, b) => a.shortcut.localeCompare(b.shortcut))
    },
    quickAnswers: {
      async createQuickAnswer(input) {
        sent.push({ create: input })
        if (reject) throw reject
        const created = answer({
          id: `new-${++n}`,
          scope: input.scope ?? 'personal',
          ownerId: input.scope === 'workspace' ? null : operator.id,
          shortcut: input.shortcut,
          title: input.title,
          text: input.text,
        })
        answers = [...answers, created]
        return created
      },
      async updateQuickAnswer(id, patch) {
        sent.push({ update: id, patch })
        answers = answers.map((a) => (a.id === id ? { ...a, ...patch } : a))
        return answers.find((a) => a.id === id)!
      },
      async deleteQuickAnswer(id) {
        sent.push({ delete: id })
        answers = answers.filter((a) => a.id !== id)
      },
    },
  }
  return { api, sent, calls }
}

function renderPage(api: ConsoleApi, operator: Operator = ann) {
  const session: Session = { ...testSession, operator }
  const { open } = fakeSocket()
  render(
    <ConsoleShell
      deps={testDeps(api, open, '/console/quick-answers')}
      session={session}
      onSignedOut={() => undefined}
    />,
  )
}

const rows = () => screen.getAllByTestId('qa-row')
const row = (shortcut: string) => rows().find((r) => r.dataset.shortcut === shortcut)!
const type = (testId: string, value: string) =>
  fireEvent.input(screen.getByTestId(testId), { target: { value } })

const shared = answer({ id: 'w1', shortcut: '/hours', text: 'We are open 9–18.' })
const bobs = answer({
  id: 'p1',
  scope: 'personal',
  ownerId: 'op-bob',
  shortcut: '/bye',
  text: 'Bye from Bob',
})

describe('Quick answers page', () => {
  it('lists shortcut, text and scope; an operator may change only their own answers', async () => {
    const { api } = quickAnswersApi(bob, [shared, bobs])
    renderPage(api, bob)
    expect(screen.getByTestId('nav-quick-answers').getAttribute('aria-current')).toBe('page')
    await waitFor(() => expect(rows().map((r) => r.dataset.shortcut)).toEqual(['/bye', '/hours']))
    expect(row('/hours').textContent).toContain('We are open 9–18.')
    expect(within(row('/hours')).getByTestId('qa-scope').textContent).toBe('Everyone in the workspace')
    expect(within(row('/bye')).getByTestId('qa-scope').textContent).toBe('Only me')
    expect(within(row('/hours')).queryByTestId('qa-edit')).toBeNull()
    expect(within(row('/hours')).queryByTestId('qa-delete')).toBeNull()
    expect(row('/hours').textContent).toContain('Admins only')
    expect(within(row('/bye')).getByRole('button', { name: 'Edit /bye' })).toBeTruthy()

    // Not an admin: no choice of scope, new answers are personal.
    fireEvent.click(screen.getByTestId('qa-add'))
    expect(screen.queryByTestId('qa-scope-workspace')).toBeNull()
  })

  it('adds a personal answer, and the composer offers it on / right away', async () => {
    const { api, sent, calls } = quickAnswersApi(ann, [shared])
    renderPage(api)
    await screen.findByTestId('qa-list')
    fireEvent.click(screen.getByTestId('qa-add'))
    expect((screen.getByTestId('qa-scope-personal') as HTMLInputElement).checked).toBe(true)
    type('qa-shortcut', 'thanks')
    type('qa-title', 'Thank you')
    type('qa-text', 'Thank you for waiting!')
    fireEvent.click(screen.getByTestId('qa-save'))
    await waitFor(() => expect(rows().map((r) => r.dataset.shortcut)).toEqual(['/hours', '/thanks']))
    // The slash is added for the operator who left it out.
    expect(sent).toEqual([
      {
        create: {
          scope: 'personal',
          shortcut: '/thanks',
          title: 'Thank you',
          text: 'Thank you for waiting!',
        },
      },
    ])
    expect(screen.getByTestId('qa-notice').textContent).toBe('/thanks saved.')
    expect(screen.queryByTestId('qa-editor')).toBeNull()
    await waitFor(() => expect(calls.filter((c) => c === 'quick-answers')).toHaveLength(3))

    fireEvent.click(screen.getByTestId('nav-inbox'))
    fireEvent.click((await screen.findAllByTestId('inbox-item'))[0]!)
    type('composer-input', '/than')
    const options = await screen.findAllByTestId('quick-answer')
    expect(options.map((o) => o.textContent)).toEqual(['/thanks Thank you'])
  })

  it('lets an admin add a workspace answer', async () => {
    const { api, sent } = quickAnswersApi(ann, [])
    renderPage(api)
    await screen.findByText('No quick answers yet.')
    fireEvent.click(screen.getByTestId('qa-add'))
    fireEvent.click(screen.getByTestId('qa-scope-workspace'))
    type('qa-shortcut', '/hello')
    type('qa-title', 'Greeting')
    type('qa-text', 'Hello!')
    fireEvent.click(screen.getByTestId('qa-save'))
    await waitFor(() =>
      expect(within(row('/hello')).getByTestId('qa-scope').textContent).toBe('Everyone in the workspace'),
    )
    expect(sent).toEqual([
      { create: { scope: 'workspace', shortcut: '/hello', title: 'Greeting', text: 'Hello!' } },
    ])
  })

  it('shows the server validation errors next to their fields', async () => {
    const { api } = quickAnswersApi(
      ann,
      [],
      new ApiError(400, 'invalid_body', 'The request body does not match the schema', [
        {
          code: 'invalid_format',
          path: ['shortcut'],
          message: 'a slash and up to 40 letters, digits, _ or -',
        },
        { code: 'too_small', path: ['text'], message: 'Too small: expected string to have >=1 characters' },
      ]),
    )
    renderPage(api)
    await screen.findByText('No quick answers yet.')
    fireEvent.click(screen.getByTestId('qa-add'))
    type('qa-shortcut', '/two words')
    type('qa-title', 'Two')
    fireEvent.click(screen.getByTestId('qa-save'))
    const shortcutError = await screen.findByTestId('qa-shortcut-error')
    expect(shortcutError.textContent).toBe('a slash and up to 40 letters, digits, _ or -')
    const input = screen.getByTestId('qa-shortcut')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toContain('qa-shortcut-error')
    expect(screen.getByTestId('qa-text-error').textContent).toContain('Too small')
    expect(screen.queryByTestId('qa-title-error')).toBeNull()
    expect(screen.getByTestId('qa-form-error').textContent).toBe('Please correct the marked fields.')
    // The draft is kept for correcting.
    expect((screen.getByTestId('qa-title') as HTMLInputElement).value).toBe('Two')
  })

  it('edits sending only what changed, and reloads the composer list', async () => {
    const mine = answer({
      id: 'p2',
      scope: 'personal',
      ownerId: 'op-me',
      shortcut: '/ship',
      text: 'Ships in 2 days',
    })
    const { api, sent, calls } = quickAnswersApi(ann, [mine])
    renderPage(api)
    fireEvent.click(await screen.findByRole('button', { name: 'Edit /ship' }))
    expect(screen.getByRole('heading', { name: 'Edit /ship' })).toBeTruthy()
    expect(screen.queryByTestId('qa-scope-workspace')).toBeNull()
    type('qa-text', 'Ships in 3 days')
    fireEvent.click(screen.getByTestId('qa-save'))
    await waitFor(() => expect(row('/ship').textContent).toContain('Ships in 3 days'))
    expect(sent).toEqual([{ update: 'p2', patch: { text: 'Ships in 3 days' } }])
    await waitFor(() => expect(calls.filter((c) => c === 'quick-answers')).toHaveLength(3))
  })

  it('deletes only after confirmation', async () => {
    const { api, sent } = quickAnswersApi(ann, [shared])
    renderPage(api)
    fireEvent.click(await screen.findByRole('button', { name: 'Delete /hours' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete /hours?' })
    expect(dialog.textContent).toContain('It disappears for everyone in the workspace.')
    expect(document.activeElement).toBe(screen.getByTestId('qa-delete-cancel'))
    fireEvent.click(screen.getByTestId('qa-delete-cancel'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(sent).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Delete /hours' }))
    fireEvent.click(screen.getByTestId('qa-delete-confirm'))
    await screen.findByText('No quick answers yet.')
    expect(sent).toEqual([{ delete: 'w1' }])
    expect(screen.getByTestId('qa-notice').textContent).toBe('/hours deleted.')
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
