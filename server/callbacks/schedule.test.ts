import { describe, expect, it } from 'vitest'
import { workingHoursSchema } from '../working-hours/index.ts'
import { asapDue, callbackSlots, isOfferedSlot } from './schedule.ts'

const utc = (iso: string) => Date.parse(iso)
// Monday to Friday 09:00–18:00 in Warsaw; clocks go forward on Sunday 2024-03-31 (CET → CEST).
const warsaw = workingHoursSchema.parse({ timeZone: 'Europe/Warsaw' })
const FRI_1710_CET = utc('2024-03-29T16:10:00Z')

describe('asapDue', () => {
  it('is now while the line is open', () => {
    const now = utc('2024-03-29T16:50:00Z') // Fri 17:50 CET
    expect(asapDue(warsaw, now)).toBe(now)
  })

  it('is the next opening after hours, across the weekend and the DST switch', () => {
    // Fri 18:30 CET → Mon 09:00 CEST, which is 07:00 UTC (not 08:00).
    expect(asapDue(warsaw, utc('2024-03-29T17:30:00Z'))).toBe(utc('2024-04-01T07:00:00Z'))
  })

  it('skips a holiday', () => {
    const hours = workingHoursSchema.parse({ timeZone: 'Europe/Warsaw', holidays: { dates: ['2024-04-01'] } })
    expect(asapDue(hours, utc('2024-03-29T17:30:00Z'))).toBe(utc('2024-04-02T07:00:00Z'))
  })

  it('uses a zone without DST (Asia/Tokyo): before opening, due at 10:00 JST', () => {
    const tokyo = workingHoursSchema.parse({
      timeZone: 'Asia/Tokyo',
      weekly: { tue: [{ from: '10:00', to: '19:00' }] },
    })
    // Tue 2024-04-02 08:00 JST = Mon 23:00 UTC.
    expect(asapDue(tokyo, utc('2024-04-01T23:00:00Z'))).toBe(utc('2024-04-02T01:00:00Z'))
  })

  it('is now for a line that never opens, so the request is not lost', () => {
    const never = workingHoursSchema.parse({ weekly: {} })
    const now = utc('2024-03-29T12:00:00Z')
    expect(asapDue(never, now)).toBe(now)
  })

  it('is now inside a night shift that started yesterday (midnight-crossing hours)', () => {
    const night = workingHoursSchema.parse({
      timeZone: 'UTC',
      weekly: { fri: [{ from: '22:00', to: '02:00' }] },
    })
    const now = utc('2024-03-30T01:00:00Z') // Saturday 01:00, the Friday shift
    expect(asapDue(night, now)).toBe(now)
    expect(asapDue(night, utc('2024-03-30T02:00:00Z'))).toBe(utc('2024-04-05T22:00:00Z'))
  })
})

describe('callbackSlots', () => {
  const slots = callbackSlots(warsaw, FRI_1710_CET)

  it('starts at the next 15-minute step that still fits before closing', () => {
    expect(slots.slice(0, 4)).toEqual([
      utc('2024-03-29T16:15:00Z'),
      utc('2024-03-29T16:30:00Z'),
      utc('2024-03-29T16:45:00Z'),
      utc('2024-04-01T07:00:00Z'), // Monday 09:00 CEST
    ])
  })

  it('covers three business days: Friday, Monday and Tuesday', () => {
    expect(slots).toHaveLength(3 + 36 + 36)
    expect(slots.at(-1)).toBe(utc('2024-04-02T15:45:00Z')) // Tue 17:45 CEST
  })

  it('offers as many days as asked', () => {
    expect(callbackSlots(warsaw, FRI_1710_CET, { days: 1 })).toHaveLength(3)
  })

  it('steps along local quarter hours when always open', () => {
    const always = workingHoursSchema.parse({ timeZone: 'Asia/Kolkata', alwaysOpen: true })
    // 16:10Z = 21:40 IST; the first local quarter hour after it is 21:45 IST = 16:15Z.
    expect(callbackSlots(always, FRI_1710_CET)[0]).toBe(utc('2024-03-29T16:15:00Z'))
  })
})

describe('isOfferedSlot', () => {
  it.each([
    ['Monday 09:00 CEST', '2024-04-01T07:00:00Z', true],
    ['off the 15-minute grid', '2024-04-01T07:05:00Z', false],
    ['Monday 08:00 CET-thinking (before opening)', '2024-04-01T06:45:00Z', false],
    ['Saturday', '2024-03-30T10:00:00Z', false],
    ['Wednesday, a fourth business day', '2024-04-03T07:00:00Z', false],
    ['already past', '2024-03-29T16:00:00Z', false],
    ['the last quarter before closing', '2024-03-29T16:45:00Z', true],
  ])('%s → %s', (_label, iso, expected) => {
    expect(isOfferedSlot(warsaw, FRI_1710_CET, utc(iso))).toBe(expected)
  })

  it('refuses a slot that passed between showing and submitting', () => {
    const shown = callbackSlots(warsaw, FRI_1710_CET)[0]!
    expect(isOfferedSlot(warsaw, shown + 60_000, shown)).toBe(false)
  })
})
