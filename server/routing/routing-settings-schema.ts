/**
 * A line's routing settings (issue "Open lines", modelled on Bitrix24 Open Lines): who is in the
 * line's operator queue, how a waiting conversation reaches one of them, and how long
 * conversations live. Stored in `Line.settings.routing`; validated at the edge with this schema and
 * read back tolerantly with `readRoutingSettings`.
 */
import { z } from 'zod'

const operatorId = z.string().min(1).max(100)

export const routingModeSchema = z.enum(['evenly', 'in-order', 'everyone'])
export type RoutingMode = z.infer<typeof routingModeSchema>

export const returningClientSchema = z.object({
  /** Send a returning visitor back to the operator who answered them last. */
  enabled: z.boolean().default(true),
  /** How long to hold the conversation for that operator before routing it to the queue. */
  waitSeconds: z.number().int().min(0).max(86_400).default(120),
})

export const routingSettingsSchema = z.object({
  mode: routingModeSchema.default('evenly'),
  /** The line's operators; the order is the order of `in-order` and the last tie-break of `evenly`. */
  queue: z
    .array(operatorId)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'an operator appears twice in the queue')
    .default([]),
  /** How long an `in-order` offer waits for an answer before it passes to the next operator. */
  queueTimeSeconds: z.number().int().min(5).max(3_600).default(60),
  /** Most conversations an operator handles at once (offers included); 0 = unlimited. */
  maxActiveChats: z.number().int().min(0).max(1_000).default(5),
  returningClient: returningClientSchema.prefault({}),
  /** Close a conversation nobody wrote in for this long; 0 = never. */
  autoCloseInactiveMinutes: z.number().int().min(0).max(43_200).default(0),
  /** A visitor writing within this long after a close reopens it; later starts a new one. */
  reopenWindowMinutes: z.number().int().min(0).max(43_200).default(60),
})

export type RoutingSettings = z.infer<typeof routingSettingsSchema>
export type RoutingSettingsInput = z.input<typeof routingSettingsSchema>

/** Stored settings may predate a field or hold junk from an old version: fall back per field. */
export function readRoutingSettings(stored: unknown): RoutingSettings {
  const parsed = routingSettingsSchema.safeParse(stored ?? {})
  if (parsed.success) return parsed.data
  const defaults = routingSettingsSchema.parse({})
  const input = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const out: Record<string, unknown> = { ...defaults }
  for (const key of Object.keys(routingSettingsSchema.shape) as (keyof RoutingSettings)[]) {
    const field = routingSettingsSchema.shape[key].safeParse(input[key])
    if (field.success) out[key] = field.data
  }
  return out as RoutingSettings
}
