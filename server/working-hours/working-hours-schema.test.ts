import { describe, expect, it } from 'vitest'
import { DEFAULT_WORKING_HOURS, workingHoursSchema } from './working-hours-schema.ts'

/** The distinct paths with issues (a malformed date fails both its format and its calendar check). */
const issuesOf = (input: unknown): string[] => {
  const result = workingHoursSchema.safeParse(input)
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.path.join('.')))]
}

describe('workingHoursSchema', () => {
  it('defaults to Monday–Friday 09:00–18:00 in UTC, which DEFAULT_WORKING_HOURS spells out', () => {
    const parsed = workingHoursSchema.parse({})
    expect(parsed).toEqual(DEFAULT_WORKING_HOURS)
    expect(parsed.timeZone).toBe('UTC')
    expect(parsed.weekly.mon).toEqual([{ from: '09:00', to: '18:00' }])
    expect(parsed.weekly.sat).toEqual([])
    expect(parsed.alwaysOpen).toBe(false)
  })

  it('hands out fresh default arrays, so editing one parse result cannot leak into another', () => {
    const first = workingHoursSchema.parse({})
    first.weekly.mon.push({ from: '20:00', to: '22:00' })
    first.holidays.yearly.push('01.01')
    const second = workingHoursSchema.parse({})
    expect(second.weekly.mon).toHaveLength(1)
    expect(second.holidays.yearly).toEqual([])
  })

  it('treats days missing from a given weekly schedule as closed', () => {
    const parsed = workingHoursSchema.parse({ weekly: { sat: [{ from: '10:00', to: '14:00' }] } })
    expect(parsed.weekly.mon).toEqual([])
    expect(parsed.weekly.sat).toEqual([{ from: '10:00', to: '14:00' }])
  })

  it('rejects an invalid time zone with an issue on timeZone', () => {
    expect(issuesOf({ timeZone: 'Europe/Atlantis' })).toEqual(['timeZone'])
    expect(issuesOf({ timeZone: 'GMT+25' })).toEqual(['timeZone'])
    expect(issuesOf({ timeZone: 'America/New_York' })).toEqual([])
  })

  it('accepts 24:00 and midnight-crossing intervals, refuses malformed times', () => {
    expect(
      issuesOf({
        weekly: {
          fri: [
            { from: '22:00', to: '02:00' },
            { from: '08:00', to: '24:00' },
          ],
        },
      }),
    ).toEqual([])
    expect(issuesOf({ weekly: { mon: [{ from: '24:00', to: '24:00' }] } })).toEqual(['weekly.mon.0.from'])
    expect(issuesOf({ weekly: { mon: [{ from: '9:00', to: '18:60' }] } })).toEqual([
      'weekly.mon.0.from',
      'weekly.mon.0.to',
    ])
  })

  it('refuses impossible holidays and exception dates, and the same exception date twice', () => {
    expect(issuesOf({ holidays: { yearly: ['29.02', '31.12'], dates: ['2028-02-29'] } })).toEqual([])
    expect(issuesOf({ holidays: { yearly: ['31.04', '1.1'], dates: ['2026-02-29', '2026/01/01'] } })).toEqual(
      ['holidays.yearly.0', 'holidays.yearly.1', 'holidays.dates.0', 'holidays.dates.1'],
    )
    const day = { date: '2026-06-06', intervals: [] }
    expect(issuesOf({ exceptions: [day, day] })).toEqual(['exceptions.1.date'])
  })

  it('refuses unknown weekday names in daysOff', () => {
    expect(issuesOf({ daysOff: ['sat', 'sun'] })).toEqual([])
    expect(issuesOf({ daysOff: ['saturday'] })).toEqual(['daysOff.0'])
  })
})
