/**
 * The public widget configuration's additions of issue 5 (contract C5): the texts of one locale,
 * the line's state, and appearance the server derives. schemas.ts builds the response from these.
 */
import { z } from 'zod'

export const widgetConfigQuery = z.object({
  /** The browser's language (navigator.language); used when the widget's language is 'auto'. */
  locale: z.string().max(35).optional(),
  /** An explicit choice (`Openline('setLocale', code)`): wins over the widget's language setting. */
  lang: z.enum(['en', 'ru', 'pl']).optional(),
})

export const lineStatusSchema = z.object({
  open: z.boolean(),
  nextOpening: z.number().int().nullable().describe('When a closed line opens next (ms since the epoch)'),
  estimatedWaitMinutes: z
    .number()
    .int()
    .nullable()
    .describe('Rough wait in chat while open; null while closed'),
  offHours: z
    .enum(['chat', 'form', 'hide'])
    .optional()
    .describe(
      "Only while closed, from the line's off-hours rule: chat (accept and auto-reply), form (the off-hours form instead of chat), hide (no launcher)",
    ),
})

export const widgetConfigExtras = {
  locale: z.enum(['en', 'ru', 'pl']),
  /** Every visitor-facing text of the widget, resolved for `locale` with the widget's overrides. */
  texts: z.record(z.string(), z.string()),
  line: lineStatusSchema,
  /** Text colour on the main colour, picked by WCAG contrast. */
  onColor: z.enum(['#000000', '#ffffff']),
  /** SVG path data of the launcher icon (24×24, stroked); empty = no icon. */
  launcherIcon: z.string(),
}
