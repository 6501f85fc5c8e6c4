import { describe, expect, it } from 'vitest'
import { isValidTimeZone, utcToZoned, zonedTimeToUtc, zoneOffsetAt } from './zoned-time.ts'

const at = (iso: string): number => Date.parse(iso)
const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
})

describe('utcToZoned', () => {
  it('gives the local date, time and weekday of an instant in Europe/Warsaw winter (UTC+1) and summer (UTC+2)', () => {
    expect(utcToZoned(at('2026-01-15T23:30:00Z'), 'Europe/Warsaw')).toEqual({
      ...wall(2026, 1, 16, 0, 30),
      second: 0,
      millisecond: 0,
      weekday: 5,
    })
    expect(utcToZoned(new Date('2026-07-01T10:15:42.250Z'), 'Europe/Warsaw')).toMatchObject({
      ...wall(2026, 7, 1, 12, 15),
      second: 42,
      millisecond: 250,
    })
  })

  it('shows midnight as hour 0, never 24', () => {
    expect(utcToZoned(at('2026-05-04T15:00:00Z'), 'Asia/Seoul')).toMatchObject(wall(2026, 5, 5, 0, 0))
  })

  it('handles the 30-minute DST of Australia/Lord_Howe (UTC+10:30 / +11)', () => {
    expect(zoneOffsetAt(at('2026-07-01T00:00:00Z'), 'Australia/Lord_Howe')).toBe(10.5 * 3_600_000)
    expect(zoneOffsetAt(at('2026-12-01T00:00:00Z'), 'Australia/Lord_Howe')).toBe(11 * 3_600_000)
  })
})

describe('zonedTimeToUtc', () => {
  it('converts an ordinary wall time (Asia/Seoul, no DST, UTC+9)', () => {
    expect(zonedTimeToUtc(wall(2026, 3, 29, 9), 'Asia/Seoul')).toBe(at('2026-03-29T00:00:00Z'))
  })

  it('round-trips every half hour across both Europe/Warsaw switches of 2026; the repeated hour maps to its first pass', () => {
    const secondPass = [at('2026-10-25T01:00:00Z'), at('2026-10-25T02:00:00Z')]
    for (const start of [at('2026-03-28T12:00:00Z'), at('2026-10-24T12:00:00Z')]) {
      for (let instant = start; instant < start + 36 * 3_600_000; instant += 1_800_000) {
        const inSecondPass = instant >= secondPass[0]! && instant < secondPass[1]!
        const back = zonedTimeToUtc(utcToZoned(instant, 'Europe/Warsaw'), 'Europe/Warsaw')
        expect(back).toBe(inSecondPass ? instant - 3_600_000 : instant)
      }
    }
  })

  it('spring-forward gap: Europe/Warsaw 2026-03-29 02:30 does not exist → 03:00 CEST (01:00Z), the first instant after the gap', () => {
    expect(zonedTimeToUtc(wall(2026, 3, 29, 2, 30), 'Europe/Warsaw')).toBe(at('2026-03-29T01:00:00Z'))
    expect(zonedTimeToUtc(wall(2026, 3, 29, 2, 0), 'Europe/Warsaw')).toBe(at('2026-03-29T01:00:00Z'))
    expect(zonedTimeToUtc(wall(2026, 3, 29, 1, 59), 'Europe/Warsaw')).toBe(at('2026-03-29T00:59:00Z'))
    expect(zonedTimeToUtc(wall(2026, 3, 29, 3, 0), 'Europe/Warsaw')).toBe(at('2026-03-29T01:00:00Z'))
  })

  it('fall-back overlap: Europe/Warsaw 2026-10-25 02:30 happens twice → the earlier, CEST one (00:30Z)', () => {
    expect(zonedTimeToUtc(wall(2026, 10, 25, 2, 30), 'Europe/Warsaw')).toBe(at('2026-10-25T00:30:00Z'))
    expect(zonedTimeToUtc(wall(2026, 10, 25, 3, 0), 'Europe/Warsaw')).toBe(at('2026-10-25T02:00:00Z'))
  })

  it('America/New_York: 2026-03-08 02:30 (gap) → 03:00 EDT; 2026-11-01 01:30 (overlap) → 01:30 EDT', () => {
    expect(zonedTimeToUtc(wall(2026, 3, 8, 2, 30), 'America/New_York')).toBe(at('2026-03-08T07:00:00Z'))
    expect(zonedTimeToUtc(wall(2026, 11, 1, 1, 30), 'America/New_York')).toBe(at('2026-11-01T05:30:00Z'))
  })

  it('Australia/Lord_Howe 30-minute switches: 02:15 in the gap → 02:30 (+11); 01:45 in the overlap → earlier (+11)', () => {
    expect(zonedTimeToUtc(wall(2026, 10, 4, 2, 15), 'Australia/Lord_Howe')).toBe(at('2026-10-03T15:30:00Z'))
    expect(zonedTimeToUtc(wall(2026, 4, 5, 1, 45), 'Australia/Lord_Howe')).toBe(at('2026-04-04T14:45:00Z'))
  })

  it('a whole skipped day (Pacific/Apia, 2011-12-30) → the first instant of the next day', () => {
    expect(zonedTimeToUtc(wall(2011, 12, 30, 12), 'Pacific/Apia')).toBe(at('2011-12-30T10:00:00Z'))
  })

  it('hour 24 is midnight at the end of the day, on the day the clocks change too', () => {
    expect(zonedTimeToUtc(wall(2026, 3, 28, 24), 'Europe/Warsaw')).toBe(at('2026-03-28T23:00:00Z'))
    expect(zonedTimeToUtc(wall(2026, 3, 29, 24), 'Europe/Warsaw')).toBe(at('2026-03-29T22:00:00Z'))
  })
})

describe('isValidTimeZone', () => {
  it('accepts IANA names and UTC, refuses unknown names', () => {
    expect(isValidTimeZone('Europe/Warsaw')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})
