export { createLinePeriodMemo } from './line-period-memo.ts'
export { addDays, daysBetween, type LocalDate, localDateOf } from './local-date.ts'
export {
  type OffHoursBehaviour,
  type OffHoursRule,
  offHoursBehaviour,
  offHoursRuleSchema,
} from './off-hours-rule.ts'
export { type OpenPeriod, openPeriods } from './open-periods.ts'
export { MAX_SLOTS, openSlots } from './open-slots.ts'
export {
  isOpen,
  type LinePeriod,
  lastClosing,
  lastOpening,
  linePeriod,
  nextClosing,
  nextOpening,
  SEARCH_HORIZON_DAYS,
} from './transitions.ts'
export {
  DEFAULT_WORKING_HOURS,
  type TimeInterval,
  WEEKDAYS,
  type Weekday,
  type WeeklySchedule,
  type WorkingHours,
  type WorkingHoursInput,
  weekdaySchema,
  workingHoursSchema,
} from './working-hours-schema.ts'
export { isValidTimeZone, utcToZoned, type WallTime, type ZonedTime, zonedTimeToUtc } from './zoned-time.ts'
