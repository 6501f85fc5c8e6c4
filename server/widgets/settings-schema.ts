/**
 * Public widget settings: appearance and visitor-facing texts. Served to browsers as part of the
 * widget configuration, so nothing secret may ever be added here. The issue "One button, three
 * ways" extends this with channels, display rules and languages.
 */
import { z } from 'zod'

export const widgetSettingsSchema = z.object({
  /** Main colour (launcher, header, visitor bubbles) as #rrggbb. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#1f6feb'),
  position: z.enum(['bottom-right', 'bottom-left']).default('bottom-right'),
  /** Panel title, e.g. the business name. */
  title: z.string().max(80).default('Chat with us'),
  /** Shown above an empty conversation. */
  greeting: z.string().max(500).default('Hi! Ask us anything — we usually answer within a few minutes.'),
  launcherLabel: z.string().max(40).default('Chat'),
  showOperatorAvatar: z.boolean().default(true),
  theme: z.enum(['light', 'dark', 'auto']).default('auto'),
})

export type WidgetSettings = z.infer<typeof widgetSettingsSchema>

/** Stored settings may predate a field or hold junk from an old version: fall back per field. */
export function readWidgetSettings(stored: unknown): WidgetSettings {
  const parsed = widgetSettingsSchema.safeParse(stored ?? {})
  if (parsed.success) return parsed.data
  const defaults = widgetSettingsSchema.parse({})
  const input = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const out: Record<string, unknown> = { ...defaults }
  for (const key of Object.keys(widgetSettingsSchema.shape) as (keyof WidgetSettings)[]) {
    const field = widgetSettingsSchema.shape[key].safeParse(input[key])
    if (field.success) out[key] = field.data
  }
  return out as WidgetSettings
}
