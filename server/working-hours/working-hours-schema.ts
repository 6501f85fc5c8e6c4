/**
 * A line's working hours (issue "Open lines", modelled on Bitrix24 Open Lines): a weekly schedule in
 * the business's time zone, days off, holidays and per-date exceptions. Stored in `Line.settings`
 * and validated at the edge; docs/lines.md, "Working hours", explains every field.
 */
import { z } from 'zod'
import { isValidTimeZone } from './zoned-time.ts'

/** Indexed like `Date#getUTCDay` (0 = Sunday). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

export const weekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
export type Weekday = z.infer<typeof weekdaySchema>

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/
const HH_MM_OR_24 = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MONTH = /^(\d{2})\.(\d{2})$/

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const isoDateSchema = z
  .string()
  .regex(ISO_DATE, 'expected YYYY-MM-DD')
  .refine((value) => {
    // zod keeps checking after a failed regex, so the match may be missing here.
    const [, year, month, day] = ISO_DATE.exec(value) ?? []
    return isRealDate(Number(year), Number(month), Number(day))
  }, 'no such date')

// A leap year accepts 29.02; the holiday then simply applies in leap years only.
const dayMonthSchema = z
  .string()
  .regex(DAY_MONTH, 'expected DD.MM')
  .refine((value) => {
    const [, day, month] = DAY_MONTH.exec(value) ?? []
    return isRealDate(2000, Number(month), Number(day))
  }, 'no such day of the year')

/** `to` <= `from` means the interval ends on the next day at `to` (a night shift). */
export const timeIntervalSchema = z.object({
  from: z.string().regex(HH_MM, 'expected HH:MM between 00:00 and 23:59'),
  to: z.string().regex(HH_MM_OR_24, 'expected HH:MM between 00:00 and 24:00'),
})
export type TimeInterval = z.infer<typeof timeIntervalSchema>

const intervalsSchema = z.array(timeIntervalSchema).max(12)
const closed = (): TimeInterval[] => []

/** A day left out of a given schedule is closed; leaving out the whole schedule means office hours. */
export const weeklyScheduleSchema = z.object({
  mon: intervalsSchema.default(closed),
  tue: intervalsSchema.default(closed),
  wed: intervalsSchema.default(closed),
  thu: intervalsSchema.default(closed),
  fri: intervalsSchema.default(closed),
  sat: intervalsSchema.default(closed),
  sun: intervalsSchema.default(closed),
})
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>

function officeWeek(): WeeklySchedule {
  const day = (): TimeInterval[] => [{ from: '09:00', to: '18:00' }]
  return { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] }
}

export const workingHoursSchema = z.object({
  /** IANA zone of the business; UTC by default because a server cannot guess where the business is. */
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isValidTimeZone, 'unknown time zone (expected an IANA name such as Europe/Warsaw)')
    .default('UTC'),
  weekly: weeklyScheduleSchema.default(officeWeek),
  daysOff: z
    .array(weekdaySchema)
    .max(7)
    .default(() => []),
  holidays: z
    .object({
      yearly: z
        .array(dayMonthSchema)
        .max(366)
        .default(() => []),
      dates: z
        .array(isoDateSchema)
        .max(1000)
        .default(() => []),
    })
    .prefault({}),
  exceptions: z
    .array(z.object({ date: isoDateSchema, intervals: intervalsSchema }))
    .max(1000)
    .default(() => [])
    .superRefine((exceptions, ctx) => {
      const seen = new Set<string>()
      exceptions.forEach((exception, index) => {
        if (seen.has(exception.date)) {
          ctx.addIssue({ code: 'custom', path: [index, 'date'], message: 'duplicate exception date' })
        }
        seen.add(exception.date)
      })
    }),
  /** Open around the clock: the schedule, holidays and exceptions are ignored. */
  alwaysOpen: z.boolean().default(false),
})

export type WorkingHours = z.output<typeof workingHoursSchema>
export type WorkingHoursInput = z.input<typeof workingHoursSchema>

/** What `workingHoursSchema.parse({})` gives: Monday to Friday 09:00–18:00 UTC, no holidays. */
export const DEFAULT_WORKING_HOURS: Readonly<WorkingHours> = Object.freeze({
  timeZone: 'UTC',
  weekly: officeWeek(),
  daysOff: [],
  holidays: { yearly: [], dates: [] },
  exceptions: [],
  alwaysOpen: false,
})
