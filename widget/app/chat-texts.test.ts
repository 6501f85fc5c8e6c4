import { describe, expect, it } from 'vitest'
import { LOCALES, resolveTexts } from '../../server/i18n/resolve.ts'
import { defaultTexts } from '../chat/texts.ts'
import { chatTexts } from './chat-texts.ts'

// The widget renders the chat panel with chatTexts() alone (no English defaults in its bundle), so
// the catalog must yield every text the panel shows.
describe('chatTexts', () => {
  it('gives the English catalog exactly the built-in English texts', () => {
    const texts = chatTexts(resolveTexts('en'))
    const { status, typing, queuePosition, ...strings } = texts
    const { status: s0, typing: t0, queuePosition: q0, ...strings0 } = defaultTexts
    expect(strings).toEqual(expect.objectContaining(strings0))
    expect(status).toEqual(s0)
    expect(typing('Ann')).toBe(t0('Ann'))
    expect(typing(null)).toBe(t0(null))
    expect(queuePosition(3)).toBe(q0(3))
  })

  it.each(LOCALES)('leaves no text of the %s catalog empty', (locale) => {
    const texts = chatTexts(resolveTexts(locale))
    for (const key of Object.keys(defaultTexts) as (keyof typeof defaultTexts)[]) {
      expect(texts[key], key).toBeTruthy()
    }
    expect(Object.values(texts.status).every(Boolean)).toBe(true)
    expect(texts.typing('Ann')).toContain('Ann')
    expect(texts.typing(null)).not.toContain('{')
    expect(texts.queuePosition(2)).toContain('2')
  })
})
