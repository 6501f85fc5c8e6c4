import { describe, expect, it } from 'vitest'
import { resolveTexts } from '../i18n/index.ts'
import { DEFAULT_TEXTS } from './auto-replies-schema.ts'
import { autoReplyText } from './localised-text.ts'

const ru = resolveTexts('ru')

describe('autoReplyText (issue 5, item 7)', () => {
  it('sends the catalog text of the visitor language for a text left at the built-in default', () => {
    expect(autoReplyText('off-hours', DEFAULT_TEXTS.offHours, ru)).toBe(ru['autoReply.offHours'])
    expect(autoReplyText('welcome', DEFAULT_TEXTS.welcome, ru)).toBe(ru['autoReply.welcome'])
    expect(autoReplyText('no-answer', DEFAULT_TEXTS.noAnswer, ru)).toBe(ru['autoReply.noAnswer'])
    expect(autoReplyText('on-close', DEFAULT_TEXTS.onClose, ru)).toBe(ru['autoReply.onClose'])
  })

  it("sends a line's own text as written, in any language", () => {
    expect(autoReplyText('off-hours', 'Back at 9, {visitor_name}!', ru)).toBe('Back at 9, {visitor_name}!')
  })

  it("uses the widget's override of the catalog text over the catalog", () => {
    const texts = resolveTexts('ru', { 'autoReply.welcome': 'Привет от Acme!' })
    expect(autoReplyText('welcome', DEFAULT_TEXTS.welcome, texts)).toBe('Привет от Acme!')
  })
})
