import { describe, expect, it } from 'vitest'
import { relativeTime, waitedFor } from './relative-time.ts'
import { visitorFacts, visitorLocalTime } from './visitor-context.ts'

describe('relativeTime', () => {
  const now = Date.UTC(2025, 0, 10, 12, 0, 0)
  it('labels recent times compactly', () => {
    expect(relativeTime(now - 10_000, now)).toBe('just now')
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 min ago')
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 h ago')
    expect(relativeTime(now - 2 * 86_400_000, now)).toBe('2 d ago')
    expect(relativeTime(now - 30 * 86_400_000, now)).toBe('Dec 11')
  })
})

describe('waitedFor', () => {
  it('says how long a visitor has waited, never negative', () => {
    const now = Date.UTC(2025, 0, 10, 12, 0, 0)
    expect(waitedFor(now + 5_000, now)).toBe('under 1 min')
    expect(waitedFor(now - 59_999, now)).toBe('under 1 min')
    expect(waitedFor(now - 12 * 60_000, now)).toBe('12 min')
    expect(waitedFor(now - 2 * 3_600_000, now)).toBe('2 h')
    expect(waitedFor(now - 2 * 3_600_000 - 5 * 60_000, now)).toBe('2 h 5 min')
    expect(waitedFor(now - 3 * 86_400_000 - 1, now)).toBe('3 d')
  })
})

describe('visitor context', () => {
  it('computes the visitor’s local time from their IANA time zone', () => {
    const now = Date.UTC(2025, 0, 10, 12, 5, 0) // a Friday
    expect(visitorLocalTime('Asia/Tokyo', now, 'en-GB')).toBe('Fri 21:05')
    expect(visitorLocalTime('America/New_York', now, 'en-GB')).toBe('Fri 07:05')
  })

  it('returns null for a time zone the browser does not know', () => {
    expect(visitorLocalTime('Mars/Olympus', 0)).toBeNull()
  })

  it('reads only non-empty strings from the loose context object', () => {
    expect(visitorFacts({ page: 'https://a.example/x', language: '', device: 3 })).toEqual({
      page: 'https://a.example/x',
      referrer: null,
      language: null,
      timeZone: null,
      device: null,
    })
  })
})
