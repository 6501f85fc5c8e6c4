import { describe, expect, it } from 'vitest'
import { isOpen, lastClosing, lastOpening, linePeriod, nextClosing, nextOpening } from './transitions.ts'
import { type WorkingHoursInput, workingHoursSchema } from './working-hours-schema.ts'

const at = (iso: string): number => Date.parse(iso)
const warsaw = (input: WorkingHoursInput = {}) =>
  workingHoursSchema.parse({ timeZone: 'Europe/Warsaw', ...input })
const roundTheClock = { from: '00:00', to: '24:00' }
const everyDay = (interval: { from: string; to: string }) => ({
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [interval]]),
  ),
})

describe('nextOpening', () => {
  it('is now while open', () => {
    expect(nextOpening(warsaw(), at('2026-06-10T10:00:00Z'))).toBe(at('2026-06-10T10:00:00Z'))
  })

  it('Friday evening → Monday 09:00 local', () => {
    expect(nextOpening(warsaw(), new Date('2026-06-05T16:00:00Z'))).toBe(at('2026-06-08T07:00:00Z'))
  })

  it('over the Easter long weekend: Friday 18:30 → Tuesday 09:00 when Easter Monday is a holiday', () => {
    const easter = warsaw({ holidays: { dates: ['2026-04-06'] } })
    expect(nextOpening(easter, at('2026-04-03T16:30:00Z'))).toBe(at('2026-04-07T07:00:00Z'))
  })

  it("over Christmas: Thursday 24.12 evening → Monday 28.12 with '25.12' a yearly holiday", () => {
    const christmas = warsaw({ holidays: { yearly: ['25.12'] } })
    expect(nextOpening(christmas, at('2026-12-24T17:00:00Z'))).toBe(at('2026-12-28T08:00:00Z'))
  })

  it('before a night shift that starts in the spring-forward gap (02:30) → 03:00 CEST', () => {
    const sunday = warsaw({ weekly: { sun: [{ from: '02:30', to: '05:00' }] } })
    expect(nextOpening(sunday, at('2026-03-28T20:00:00Z'))).toBe(at('2026-03-29T01:00:00Z'))
  })

  it('is null when the line never opens within the horizon', () => {
    expect(nextOpening(warsaw({ weekly: {} }), at('2026-06-05T16:00:00Z'))).toBeNull()
    expect(
      nextOpening(warsaw({ daysOff: ['mon', 'tue', 'wed', 'thu', 'fri'] }), at('2026-06-05T16:00:00Z')),
    ).toBeNull()
  })

  it('finds a lone exception day almost a year ahead', () => {
    const onceAYear = warsaw({
      weekly: {},
      exceptions: [{ date: '2027-06-01', intervals: [{ from: '10:00', to: '11:00' }] }],
    })
    expect(nextOpening(onceAYear, at('2026-06-05T16:00:00Z'))).toBe(at('2027-06-01T08:00:00Z'))
  })
})

describe('nextClosing', () => {
  it('is now while closed', () => {
    expect(nextClosing(warsaw(), at('2026-06-06T10:00:00Z'))).toBe(at('2026-06-06T10:00:00Z'))
  })

  it('is the end of the open interval, after the lunch break starts', () => {
    const lunch = warsaw({
      weekly: {
        mon: [
          { from: '09:00', to: '13:00' },
          { from: '14:00', to: '18:00' },
        ],
      },
    })
    expect(nextClosing(lunch, at('2026-06-08T08:00:00Z'))).toBe(at('2026-06-08T11:00:00Z'))
    expect(nextClosing(lunch, at('2026-06-08T12:30:00Z'))).toBe(at('2026-06-08T16:00:00Z'))
  })

  it('a night shift (Fri 22:00–02:00) touching Saturday 00:00–06:00 closes once, at 06:00 Saturday', () => {
    const weekend = warsaw({
      weekly: { fri: [{ from: '22:00', to: '02:00' }], sat: [{ from: '00:00', to: '06:00' }] },
    })
    expect(nextClosing(weekend, at('2026-06-05T20:30:00Z'))).toBe(at('2026-06-06T04:00:00Z'))
  })

  it('is null when open around the clock, by flag or by a 00:00–24:00 week', () => {
    expect(nextClosing(warsaw({ alwaysOpen: true }), at('2026-06-05T16:00:00Z'))).toBeNull()
    expect(nextClosing(warsaw(everyDay(roundTheClock)), at('2026-06-05T16:00:00Z'))).toBeNull()
  })

  it('is the day a holiday interrupts a 24/7 week, at local midnight (fall-back day included)', () => {
    const hours = warsaw({ ...everyDay(roundTheClock), holidays: { dates: ['2026-10-26'] } })
    expect(nextClosing(hours, at('2026-10-24T12:00:00Z'))).toBe(at('2026-10-25T23:00:00Z'))
    expect(nextOpening(hours, at('2026-10-25T23:00:00Z'))).toBe(at('2026-10-26T23:00:00Z'))
  })
})

describe('lastOpening, lastClosing and linePeriod', () => {
  it('while open: since the morning opening, until the evening closing', () => {
    const now = at('2026-03-30T10:00:00Z')
    expect(linePeriod(warsaw(), now)).toEqual({
      open: true,
      since: at('2026-03-30T07:00:00Z'),
      until: at('2026-03-30T16:00:00Z'),
    })
  })

  it('while closed over the weekend: since Friday 18:00 CET, until Monday 09:00 CEST', () => {
    expect(linePeriod(warsaw(), at('2026-03-28T10:00:00Z'))).toEqual({
      open: false,
      since: at('2026-03-27T17:00:00Z'),
      until: at('2026-03-30T07:00:00Z'),
    })
  })

  it('looks further than a week back when a 24/7 line last reopened after a closed day ten days ago', () => {
    const hours = warsaw({ ...everyDay(roundTheClock), exceptions: [{ date: '2026-03-20', intervals: [] }] })
    const now = at('2026-03-30T12:00:00Z')
    expect(lastOpening(hours, now)).toBe(at('2026-03-20T23:00:00Z'))
    expect(lastClosing(hours, now)).toBe(at('2026-03-19T23:00:00Z'))
  })

  it('an instant exactly at the opening belongs to the open period', () => {
    const opening = at('2026-03-30T07:00:00Z')
    expect(isOpen(warsaw(), opening)).toBe(true)
    expect(lastOpening(warsaw(), opening)).toBe(opening)
    expect(lastClosing(warsaw(), opening)).toBe(at('2026-03-27T17:00:00Z'))
  })

  it('is unknown (null) both ways for an always-open line and for a line that never opens', () => {
    expect(linePeriod(warsaw({ alwaysOpen: true }), at('2026-03-30T10:00:00Z'))).toEqual({
      open: true,
      since: null,
      until: null,
    })
    expect(linePeriod(warsaw({ weekly: {} }), at('2026-03-30T10:00:00Z'))).toEqual({
      open: false,
      since: null,
      until: null,
    })
  })
})
