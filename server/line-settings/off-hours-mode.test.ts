import { describe, expect, it } from 'vitest'
import { lineOffHoursMode, offHoursMode } from './off-hours-mode.ts'
import { readLineSettings } from './read-line-settings.ts'

// Warsaw, Monday 2026-03-02: 10:00 local is 09:00Z (open), 20:00 local is 19:00Z (closed).
const OPEN = Date.UTC(2026, 2, 2, 9, 0)
const CLOSED = Date.UTC(2026, 2, 2, 19, 0)
const hours = { timeZone: 'Europe/Warsaw', weekly: { mon: [{ from: '09:00', to: '18:00' }] } }

describe('offHoursMode', () => {
  it('is chat while the line is open, whatever the rule', () => {
    for (const offHours of ['accept-and-reply', 'offer-form', 'hide-widget']) {
      expect(offHoursMode(readLineSettings({ workingHours: hours, offHours }), OPEN)).toBe('chat')
    }
  })

  it('follows the rule while the line is closed', () => {
    const at = (offHours: string) => offHoursMode(readLineSettings({ workingHours: hours, offHours }), CLOSED)
    expect(at('accept-and-reply')).toBe('chat')
    expect(at('offer-form')).toBe('form')
    expect(at('hide-widget')).toBe('hide')
  })

  it('reads stored settings tolerantly: junk keeps the chat', () => {
    expect(lineOffHoursMode({ workingHours: hours, offHours: 'hide-widget' }, CLOSED)).toBe('hide')
    expect(lineOffHoursMode({ workingHours: hours, offHours: 'bogus' }, CLOSED)).toBe('chat')
    expect(lineOffHoursMode(undefined, OPEN)).toBe('chat')
  })
})
