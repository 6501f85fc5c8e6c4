import { describe, expect, it } from 'vitest'
import { MAX_SLOTS, openSlots } from './open-slots.ts'
import { type WorkingHoursInput, workingHoursSchema } from './working-hours-schema.ts'
import { utcToZoned } from './zoned-time.ts'

const at = (iso: string): number => Date.parse(iso)
const hours = (input: WorkingHoursInput) => workingHoursSchema.parse(input)
const iso = (instants: number[]): string[] =>
  instants.map((instant) => new Date(instant).toISOString().slice(11, 16))
const warsawClock = (instants: number[]): string[] =>
  instants.map((instant) => {
    const { hour, minute } = utcToZoned(instant, 'Europe/Warsaw')
    return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
  })

describe('openSlots', () => {
  it('skips the lunch break and only offers slots that end by the closing', () => {
    const lunch = hours({
      weekly: {
        mon: [
          { from: '09:00', to: '12:00' },
          { from: '13:00', to: '14:50' },
        ],
      },
    })
    const slots = openSlots(lunch, at('2026-03-30T10:40:00Z'), at('2026-03-30T23:00:00Z'), 30)
    expect(iso(slots)).toEqual(['11:00', '11:30', '13:00', '13:30', '14:00'])
  })

  it('starts at the first step at or after `from` and stops before `to`', () => {
    const slots = openSlots(hours({}), at('2026-03-30T09:15:00Z'), at('2026-03-30T10:15:00Z'), 15)
    expect(iso(slots)).toEqual(['09:15', '09:30', '09:45', '10:00'])
  })

  it('covers the next business days in 15-minute steps: Friday evening, Monday, Tuesday morning', () => {
    const slots = openSlots(hours({}), at('2026-03-27T17:10:00Z'), at('2026-03-31T10:00:00Z'), 15)
    expect(slots).toHaveLength(3 + 36 + 4)
    expect(slots[0]).toBe(at('2026-03-27T17:15:00Z'))
    expect(slots[3]).toBe(at('2026-03-30T09:00:00Z'))
    expect(slots.at(-1)).toBe(at('2026-03-31T09:45:00Z'))
  })

  it('includes the slots of a night shift that started the day before `from`', () => {
    const night = hours({ weekly: { sun: [{ from: '22:00', to: '02:00' }] } })
    expect(iso(openSlots(night, at('2026-03-30T00:50:00Z'), at('2026-03-30T12:00:00Z'), 30))).toEqual([
      '01:00',
      '01:30',
    ])
  })

  it('Europe/Warsaw spring-forward (2026-03-29): 00:00–06:00 gives 10 half-hour slots, none in the gap, none skipped', () => {
    const sunday = hours({ timeZone: 'Europe/Warsaw', weekly: { sun: [{ from: '00:00', to: '06:00' }] } })
    const slots = openSlots(sunday, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), 30)
    expect(warsawClock(slots)).toEqual([
      '00:00',
      '00:30',
      '01:00',
      '01:30',
      '03:00',
      '03:30',
      '04:00',
      '04:30',
      '05:00',
      '05:30',
    ])
    expect(slots.slice(1).map((slot, index) => slot - slots[index]!)).toEqual(Array(9).fill(30 * 60_000))
  })

  it('Europe/Warsaw fall-back (2026-10-25): 00:00–06:00 gives 14 half-hour slots, each instant once, the 02:xx labels twice', () => {
    const sunday = hours({ timeZone: 'Europe/Warsaw', weekly: { sun: [{ from: '00:00', to: '06:00' }] } })
    const slots = openSlots(sunday, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'), 30)
    expect(slots).toHaveLength(14)
    expect(new Set(slots).size).toBe(14)
    expect(warsawClock(slots).filter((clock) => clock.startsWith('02:'))).toEqual([
      '02:00',
      '02:30',
      '02:00',
      '02:30',
    ])
    expect(slots.slice(1).map((slot, index) => slot - slots[index]!)).toEqual(Array(13).fill(30 * 60_000))
  })

  it('America/New_York fall-back with a 24/7 line: every real 15 minutes from local midnight, 25 hours → 100 slots', () => {
    const always = hours({ timeZone: 'America/New_York', alwaysOpen: true })
    const slots = openSlots(always, at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'), 15)
    expect(slots).toHaveLength(100)
    expect(slots[0]).toBe(at('2026-11-01T04:00:00Z'))
  })

  it('is empty for an empty or reversed range and refuses a step that is not a positive whole number', () => {
    expect(openSlots(hours({}), at('2026-03-30T12:00:00Z'), at('2026-03-30T12:00:00Z'), 15)).toEqual([])
    expect(openSlots(hours({}), at('2026-03-30T12:00:00Z'), at('2026-03-30T10:00:00Z'), 15)).toEqual([])
    expect(() => openSlots(hours({}), 0, 1, 0)).toThrow(RangeError)
    expect(() => openSlots(hours({}), 0, 1, 7.5)).toThrow(RangeError)
  })

  it(`stops at MAX_SLOTS (${MAX_SLOTS}) for a careless range`, () => {
    const always = hours({ alwaysOpen: true })
    expect(openSlots(always, at('2026-03-30T00:00:00Z'), at('2026-04-30T00:00:00Z'), 1)).toHaveLength(
      MAX_SLOTS,
    )
  })
})
