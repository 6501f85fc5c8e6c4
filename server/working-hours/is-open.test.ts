import { describe, expect, it } from 'vitest'
import { isOpen } from './transitions.ts'
import { type WorkingHoursInput, workingHoursSchema } from './working-hours-schema.ts'

const at = (iso: string): number => Date.parse(iso)
const hours = (input: WorkingHoursInput) => workingHoursSchema.parse(input)
const warsaw = (input: WorkingHoursInput = {}) => hours({ timeZone: 'Europe/Warsaw', ...input })

describe('isOpen', () => {
  it('default hours: Monday 09:00–18:00 UTC is open from the first millisecond up to, not including, 18:00', () => {
    const defaults = hours({})
    expect(isOpen(defaults, at('2026-03-30T08:59:59.999Z'))).toBe(false)
    expect(isOpen(defaults, at('2026-03-30T09:00:00Z'))).toBe(true)
    expect(isOpen(defaults, new Date('2026-03-30T17:59:59.999Z'))).toBe(true)
    expect(isOpen(defaults, at('2026-03-30T18:00:00Z'))).toBe(false)
    expect(isOpen(defaults, at('2026-03-28T12:00:00Z'))).toBe(false)
  })

  it('Europe/Warsaw 09:00 is 08:00Z in winter and 07:00Z after the 2026-03-29 spring-forward', () => {
    expect(isOpen(warsaw(), at('2026-03-27T07:59:00Z'))).toBe(false)
    expect(isOpen(warsaw(), at('2026-03-27T08:00:00Z'))).toBe(true)
    expect(isOpen(warsaw(), at('2026-03-30T06:59:00Z'))).toBe(false)
    expect(isOpen(warsaw(), at('2026-03-30T07:00:00Z'))).toBe(true)
    expect(isOpen(warsaw(), at('2026-03-30T16:00:00Z'))).toBe(false)
  })

  it('America/New_York 09:00–17:00 follows the 2026-03-08 switch from EST (14:00Z) to EDT (13:00Z)', () => {
    const newYork = hours({ timeZone: 'America/New_York' })
    expect(isOpen(newYork, at('2026-03-06T13:30:00Z'))).toBe(false)
    expect(isOpen(newYork, at('2026-03-06T14:00:00Z'))).toBe(true)
    expect(isOpen(newYork, at('2026-03-09T13:00:00Z'))).toBe(true)
    expect(isOpen(newYork, at('2026-03-09T21:59:00Z'))).toBe(true)
    expect(isOpen(newYork, at('2026-03-09T22:00:00Z'))).toBe(false)
  })

  it('Asia/Seoul (UTC+9, no DST): Monday 09:00 local is Monday 00:00Z all year', () => {
    const seoul = hours({ timeZone: 'Asia/Seoul' })
    expect(isOpen(seoul, at('2026-03-29T23:59:00Z'))).toBe(false)
    expect(isOpen(seoul, at('2026-03-30T00:00:00Z'))).toBe(true)
    expect(isOpen(seoul, at('2026-07-06T00:00:00Z'))).toBe(true)
  })

  it('an interval crossing midnight (Friday 22:00–02:00) is open early on Saturday, even if Saturday is a holiday', () => {
    const night = { weekly: { fri: [{ from: '22:00', to: '02:00' }] } }
    expect(isOpen(warsaw(night), at('2026-06-05T19:59:00Z'))).toBe(false)
    expect(isOpen(warsaw(night), at('2026-06-05T23:30:00Z'))).toBe(true)
    expect(isOpen(warsaw(night), at('2026-06-06T00:00:00Z'))).toBe(false)
    const saturdayHoliday = warsaw({ ...night, holidays: { dates: ['2026-06-06'] } })
    expect(isOpen(saturdayHoliday, at('2026-06-05T23:30:00Z'))).toBe(true)
  })

  it('a holiday on the day a midnight-crossing interval starts removes all of it', () => {
    const fridayHoliday = warsaw({
      weekly: { fri: [{ from: '22:00', to: '02:00' }] },
      holidays: { dates: ['2026-06-05'] },
    })
    expect(isOpen(fridayHoliday, at('2026-06-05T20:30:00Z'))).toBe(false)
    expect(isOpen(fridayHoliday, at('2026-06-05T23:30:00Z'))).toBe(false)
  })

  it("'24:00' runs to the end of the day and joins the next day's 00:00 without a closed instant", () => {
    const weekend = warsaw({
      weekly: { sat: [{ from: '20:00', to: '24:00' }], sun: [{ from: '00:00', to: '04:00' }] },
    })
    expect(isOpen(weekend, at('2026-06-06T21:59:59.999Z'))).toBe(true)
    expect(isOpen(weekend, at('2026-06-06T22:00:00Z'))).toBe(true)
    expect(isOpen(weekend, at('2026-06-07T02:00:00Z'))).toBe(false)
  })

  it('several intervals a day: closed over the 13:00–14:00 lunch break', () => {
    const lunch = hours({
      weekly: {
        mon: [
          { from: '14:00', to: '18:00' },
          { from: '09:00', to: '13:00' },
        ],
      },
    })
    expect(isOpen(lunch, at('2026-03-30T12:59:00Z'))).toBe(true)
    expect(isOpen(lunch, at('2026-03-30T13:00:00Z'))).toBe(false)
    expect(isOpen(lunch, at('2026-03-30T13:30:00Z'))).toBe(false)
    expect(isOpen(lunch, at('2026-03-30T14:00:00Z'))).toBe(true)
  })

  it("yearly holidays '01.01' and '25.12' close the whole day every year; the day before stays open", () => {
    const yearly = warsaw({ holidays: { yearly: ['01.01', '25.12'] } })
    expect(isOpen(yearly, at('2026-01-01T10:00:00Z'))).toBe(false)
    expect(isOpen(yearly, at('2026-12-25T10:00:00Z'))).toBe(false)
    expect(isOpen(yearly, at('2027-01-01T10:00:00Z'))).toBe(false)
    expect(isOpen(yearly, at('2026-12-24T10:00:00Z'))).toBe(true)
  })

  it('a specific-date holiday closes that date only', () => {
    const easterMonday = warsaw({ holidays: { dates: ['2026-04-06'] } })
    expect(isOpen(easterMonday, at('2026-04-06T10:00:00Z'))).toBe(false)
    expect(isOpen(easterMonday, at('2026-04-13T10:00:00Z'))).toBe(true)
  })

  it('an exception gives special hours to a holiday-free Saturday and leaves other Saturdays closed', () => {
    const saturday = warsaw({
      exceptions: [{ date: '2026-06-13', intervals: [{ from: '10:00', to: '14:00' }] }],
    })
    expect(isOpen(saturday, at('2026-06-13T07:59:00Z'))).toBe(false)
    expect(isOpen(saturday, at('2026-06-13T08:00:00Z'))).toBe(true)
    expect(isOpen(saturday, at('2026-06-13T12:00:00Z'))).toBe(false)
    expect(isOpen(saturday, at('2026-06-20T09:00:00Z'))).toBe(false)
  })

  it('an exception with no intervals closes a weekday', () => {
    const closedWednesday = warsaw({ exceptions: [{ date: '2026-06-10', intervals: [] }] })
    expect(isOpen(closedWednesday, at('2026-06-10T10:00:00Z'))).toBe(false)
    expect(isOpen(closedWednesday, at('2026-06-11T10:00:00Z'))).toBe(true)
  })

  it('an exception beats a holiday on the same date (the more specific rule wins)', () => {
    const shortChristmasEve = warsaw({
      holidays: { yearly: ['24.12'] },
      exceptions: [{ date: '2026-12-24', intervals: [{ from: '09:00', to: '13:00' }] }],
    })
    expect(isOpen(shortChristmasEve, at('2026-12-24T10:00:00Z'))).toBe(true)
    expect(isOpen(shortChristmasEve, at('2026-12-24T13:00:00Z'))).toBe(false)
    expect(isOpen(shortChristmasEve, at('2027-12-24T10:00:00Z'))).toBe(false)
  })

  it('daysOff closes a weekday even when the weekly schedule has hours for it', () => {
    const input = { weekly: { sat: [{ from: '10:00', to: '14:00' }] } }
    expect(isOpen(warsaw(input), at('2026-06-13T09:00:00Z'))).toBe(true)
    expect(isOpen(warsaw({ ...input, daysOff: ['sat'] }), at('2026-06-13T09:00:00Z'))).toBe(false)
  })

  it('alwaysOpen ignores the schedule and holidays', () => {
    const always = warsaw({ alwaysOpen: true, weekly: {}, holidays: { yearly: ['25.12'] } })
    expect(isOpen(always, at('2026-12-25T03:00:00Z'))).toBe(true)
  })

  it('Europe/Warsaw spring-forward day: 01:00–04:00 lasts two real hours; 02:30–05:00 opens at 03:00 CEST; 02:15–02:45 never opens', () => {
    const sunday = (from: string, to: string) => warsaw({ weekly: { sun: [{ from, to }] } })
    expect(isOpen(sunday('01:00', '04:00'), at('2026-03-29T00:00:00Z'))).toBe(true)
    expect(isOpen(sunday('01:00', '04:00'), at('2026-03-29T01:59:00Z'))).toBe(true)
    expect(isOpen(sunday('01:00', '04:00'), at('2026-03-29T02:00:00Z'))).toBe(false)
    expect(isOpen(sunday('02:30', '05:00'), at('2026-03-29T00:59:00Z'))).toBe(false)
    expect(isOpen(sunday('02:30', '05:00'), at('2026-03-29T01:00:00Z'))).toBe(true)
    for (const minute of [0, 15, 30, 59]) {
      expect(isOpen(sunday('02:15', '02:45'), at('2026-03-29T01:00:00Z') + minute * 60_000)).toBe(false)
    }
  })

  it('Europe/Warsaw fall-back day: 02:00–03:00 runs from the first 02:00 (CEST) to 03:00 CET, two real hours', () => {
    const sunday = warsaw({ weekly: { sun: [{ from: '02:00', to: '03:00' }] } })
    expect(isOpen(sunday, at('2026-10-24T23:59:00Z'))).toBe(false)
    expect(isOpen(sunday, at('2026-10-25T00:00:00Z'))).toBe(true)
    expect(isOpen(sunday, at('2026-10-25T01:59:00Z'))).toBe(true)
    expect(isOpen(sunday, at('2026-10-25T02:00:00Z'))).toBe(false)
  })
})
