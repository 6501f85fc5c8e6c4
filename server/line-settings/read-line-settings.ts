/**
 * Reads stored line settings tolerantly (issue "Open lines": a line created before a field existed,
 * or holding a value an older version accepted, must still load). Each part falls back on its own,
 * and inside the object-shaped parts each field does, so one bad value never resets its neighbours.
 */
import type { z } from 'zod'
import { autoRepliesSchema } from '../auto-replies/index.ts'
import { readRoutingSettings } from '../routing/index.ts'
import { offHoursRuleSchema, workingHoursSchema } from '../working-hours/index.ts'
import { DEFAULT_OFF_HOURS_RULE, type LineSettings } from './line-settings-schema.ts'

type ObjectSchema = z.ZodObject<Record<string, z.ZodType>>

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** The whole value if it parses; else field by field, each invalid field taking its default. */
export function readFieldByField<S extends ObjectSchema>(schema: S, stored: unknown): z.output<S> {
  const whole = schema.safeParse(asRecord(stored))
  if (whole.success) return whole.data
  const input = asRecord(stored)
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(schema.shape)) {
    const parsed = field.safeParse(input[key])
    out[key] = parsed.success ? parsed.data : field.parse(undefined)
  }
  return schema.parse(out)
}

export function readLineSettings(stored: unknown): LineSettings {
  const input = asRecord(stored)
  const offHours = offHoursRuleSchema.safeParse(input.offHours)
  return {
    routing: readRoutingSettings(input.routing),
    workingHours: readFieldByField(workingHoursSchema, input.workingHours),
    offHours: offHours.success ? offHours.data : DEFAULT_OFF_HOURS_RULE,
    autoReplies: readFieldByField(autoRepliesSchema, input.autoReplies),
  }
}
