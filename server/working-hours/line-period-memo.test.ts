import { describe, expect, it } from 'vitest'
import { createLinePeriodMemo } from './line-period-memo.ts'
import { linePeriod } from './transitions.ts'
import { type WorkingHoursInput, workingHoursSchema } from './working-hours-schema.ts'

const at = (iso: string): number => Date.parse(iso)
const hours = (input: WorkingHoursInput) => workingHoursSchema.parse(input)

describe('createLinePeriodMemo', () => {
  it('answers exactly as linePeriod across a DST switch, a night shift, a holiday and boundaries', () => {
    const schedules = [
      hours({ timeZone: 'Europe/Warsaw', holidays: { dates: ['2026-03-30'] } }),
      hours({
        timeZone: 'America/New_York',
        weekly: { fri: [{ from: '22:00', to: '24:00' }], sat: [{ from: '00:00', to: '02:00' }] },
      }),
    ]
    let calls = 0
    const memo = createLinePeriodMemo((h, now) => {
      calls++
      return linePeriod(h, now)
    })
    const periods = new Set<string>()
    let checked = 0
    // Every 13 minutes for 12 days around Europe's 2026-03-29 spring-forward.
    for (let now = at('2026-03-22T00:00:00Z'); now < at('2026-04-03T00:00:00Z'); now += 13 * 60_000) {
      for (const schedule of schedules) {
        const expected = linePeriod(schedule, now)
        expect(memo(schedule, now)).toEqual(expected)
        periods.add(JSON.stringify(expected))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(2_500)
    // One computation per period, not per question.
    expect(calls).toBe(periods.size)
    // And right at every period's edges, in both directions.
    for (const schedule of schedules) {
      for (const period of [...periods].map((p) => JSON.parse(p) as ReturnType<typeof linePeriod>)) {
        for (const edge of [period.since, period.until]) {
          if (edge === null) continue
          for (const instant of [edge - 1, edge, edge + 1])
            expect(memo(schedule, instant)).toEqual(linePeriod(schedule, instant))
        }
      }
    }
  })

  it('keeps one period per schedule and recomputes when a schedule changes', () => {
    let calls = 0
    const memo = createLinePeriodMemo((h, now) => {
      calls++
      return linePeriod(h, now)
    })
    const nineToSix = hours({ timeZone: 'Europe/Warsaw' })
    const roundTheClock = hours({ timeZone: 'Europe/Warsaw', alwaysOpen: true })
    const monday = at('2026-06-08T08:00:00Z')
    expect(memo(nineToSix, monday).open).toBe(true)
    expect(memo(nineToSix, monday + 60_000).open).toBe(true)
    expect(calls).toBe(1)
    expect(memo(roundTheClock, monday)).toEqual(linePeriod(roundTheClock, monday))
    expect(calls).toBe(2)
    expect(memo(nineToSix, at('2026-06-08T17:00:00Z')).open).toBe(false)
    expect(calls).toBe(3)
  })
})
