import { describe, expect, it } from 'vitest'
import { filterQuickAnswers, formatDuration, moveActive, quickAnswerQuery } from './quick-answers.ts'

const answers = [
  {
    id: 'a',
    scope: 'workspace' as const,
    shortcut: '/hello',
    title: 'Greeting',
    text: 'Hello! How can I help?',
  },
  { id: 'b', scope: 'personal' as const, shortcut: '/ship', title: 'Shipping to Poland', text: '3 days.' },
  { id: 'c', scope: 'workspace' as const, shortcut: '/bye', title: 'Say hello later', text: 'Bye!' },
]

describe('quick answers', () => {
  it('asks only when the composer starts with a slash, on one line', () => {
    expect(quickAnswerQuery('/He')).toBe('he')
    expect(quickAnswerQuery('/')).toBe('')
    expect(quickAnswerQuery('see /hello')).toBeNull()
    expect(quickAnswerQuery('/hello\nthere')).toBeNull()
  })

  it('matches shortcut prefixes first, then shortcuts and titles containing the query', () => {
    expect(filterQuickAnswers(answers, 'hel').map((a) => a.id)).toEqual(['a', 'c'])
    expect(filterQuickAnswers(answers, 'poland').map((a) => a.id)).toEqual(['b'])
    expect(filterQuickAnswers(answers, '').map((a) => a.id)).toEqual(['a', 'b', 'c'])
    expect(filterQuickAnswers(answers, 'nothing')).toEqual([])
  })

  it('moves the active option with wrap-around', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0)
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0)
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2)
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2)
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1)
  })

  it('formats KPI durations', () => {
    expect(formatDuration(45_000)).toBe('45 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
    expect(formatDuration(120_000)).toBe('2 min')
    expect(formatDuration(3_780_000)).toBe('1 h 3 min')
  })
})
