// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLanguageEnv } from '../i18n/index.ts'
import { wireConversation } from '../state/test-fixtures.ts'
import { App } from './app.tsx'
import { fakeApi, fakeSocket, testDeps } from './test-doubles.ts'

afterEach(cleanup)

function deps(languages: readonly string[]) {
  const { api } = fakeApi({ conversations: [wireConversation({ id: 'c1', visitorName: 'Dana' })] })
  const language = memoryLanguageEnv(languages)
  return { deps: { ...testDeps(api, fakeSocket().open), language }, language }
}

describe('console language (issue 5, item 7)', () => {
  it('speaks English by default and switches to Russian from the top bar, remembering the choice', async () => {
    const { deps: d, language } = deps(['en-US'])
    render(<App deps={d} />)
    await screen.findByRole('link', { name: 'Inbox' })
    expect(language.applied).toBe('en')

    fireEvent.change(screen.getByTestId('language-switch'), { target: { value: 'ru' } })

    await screen.findByRole('link', { name: 'Входящие' })
    expect(screen.getByRole('link', { name: 'Обратные звонки' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Выйти' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: /Ожидают/ })).toBeTruthy()
    expect(language.load()).toBe('ru')
    expect(language.applied).toBe('ru')
  })

  it('follows a Russian browser when nothing was chosen', async () => {
    const { deps: d, language } = deps(['ru-RU', 'en'])
    render(<App deps={d} />)
    await screen.findByRole('link', { name: 'Открытые линии' })
    expect(language.applied).toBe('ru')
  })

  it('uses English under happy-dom’s own navigator language', () => {
    expect(navigator.language.startsWith('en')).toBe(true)
  })
})
