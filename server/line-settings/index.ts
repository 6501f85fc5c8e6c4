/** A line's settings as one value (issue "Open lines"): schema, tolerant reader, PATCH semantics. */
export { applyLineSettingsPatch } from './apply-line-settings-patch.ts'
export {
  DEFAULT_OFF_HOURS_RULE,
  defaultLineSettings,
  LINE_SETTINGS_PARTS,
  type LineSettings,
  type LineSettingsInput,
  type LineSettingsPart,
  type LineSettingsPatch,
  lineSettingsPatchSchema,
  lineSettingsSchema,
} from './line-settings-schema.ts'
export { lineOffHoursMode, type OffHoursMode, offHoursMode } from './off-hours-mode.ts'
export { queueIssues } from './queue-issues.ts'
export { readFieldByField, readLineSettings } from './read-line-settings.ts'
