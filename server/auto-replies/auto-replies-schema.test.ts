import { describe, expect, it } from 'vitest'
import { autoRepliesSchema, DEFAULT_TEXTS, MAX_TEMPLATE_CHARS } from './auto-replies-schema.ts'

describe('autoRepliesSchema', () => {
  it('fills every rule with friendly defaults from an empty object', () => {
    expect(autoRepliesSchema.parse({})).toEqual({
      welcome: { enabled: true, text: DEFAULT_TEXTS.welcome, when: 'first-message' },
      offHours: { enabled: true, text: DEFAULT_TEXTS.offHours },
      noAnswer: { enabled: true, afterMinutes: 5, action: 'send-text', text: DEFAULT_TEXTS.noAnswer },
      onClose: { enabled: true, text: DEFAULT_TEXTS.onClose },
    })
  })

  it('keeps the defaults for the fields a partial rule leaves out', () => {
    const parsed = autoRepliesSchema.parse({ noAnswer: { afterMinutes: 10 }, welcome: { enabled: false } })
    expect(parsed.noAnswer).toMatchObject({ enabled: true, afterMinutes: 10, text: DEFAULT_TEXTS.noAnswer })
    expect(parsed.welcome).toMatchObject({ enabled: false, text: DEFAULT_TEXTS.welcome })
  })

  it('refuses out-of-range waits, unknown modes and actions, and overlong texts', () => {
    for (const input of [
      { noAnswer: { afterMinutes: 0 } },
      { noAnswer: { afterMinutes: 2.5 } },
      { noAnswer: { action: 'close-chat' } },
      { welcome: { when: 'always' } },
      { onClose: { text: 'x'.repeat(MAX_TEMPLATE_CHARS + 1) } },
    ]) {
      expect(autoRepliesSchema.safeParse(input).success, JSON.stringify(input).slice(0, 60)).toBe(false)
    }
  })
})
