/**
 * All settings of a line in one object (issue "Open lines"): routing, working hours, what happens
 * off hours, and the automatic replies. Stored as JSON in `Line.settings`; every part has defaults,
 * so `{}` — the settings of a line created before any of this existed — is a complete value.
 */
import { z } from 'zod'
import { autoRepliesSchema } from '../auto-replies/index.ts'
import { routingSettingsSchema } from '../routing/index.ts'
import { offHoursRuleSchema, workingHoursSchema } from '../working-hours/index.ts'

/** Keep chatting and answer with the off-hours text: nobody loses a message by default. */
export const DEFAULT_OFF_HOURS_RULE = 'accept-and-reply' as const

export const lineSettingsSchema = z.object({
  routing: routingSettingsSchema.prefault({}),
  workingHours: workingHoursSchema.prefault({}),
  offHours: offHoursRuleSchema.default(DEFAULT_OFF_HOURS_RULE),
  autoReplies: autoRepliesSchema.prefault({}),
})

export type LineSettings = z.output<typeof lineSettingsSchema>
export type LineSettingsInput = z.input<typeof lineSettingsSchema>
export type LineSettingsPart = keyof LineSettings

export const LINE_SETTINGS_PARTS = Object.keys(lineSettingsSchema.shape) as LineSettingsPart[]

/**
 * The `settings` of a PATCH: each part given replaces the stored part (fields left out inside it
 * take their defaults); parts not given stay as stored. Unknown parts are refused so a typo is a 400,
 * not a silently ignored change.
 */
export const lineSettingsPatchSchema = z.strictObject({
  routing: routingSettingsSchema.optional(),
  workingHours: workingHoursSchema.optional(),
  offHours: offHoursRuleSchema.optional(),
  autoReplies: autoRepliesSchema.optional(),
})

export type LineSettingsPatch = z.output<typeof lineSettingsPatchSchema>

export function defaultLineSettings(): LineSettings {
  return lineSettingsSchema.parse({})
}
