/**
 * Lead rules of one CRM connection (issue 6, item 1), modelled on the CRM settings of a Bitrix24
 * Open Line: which sources make leads there (chat, callback, form), from which lines and widgets
 * (empty = all), and what a recognised client gets — a note on their existing record (as before
 * rules existed) or a new lead every time. In a file of its own so the store, the admin API and the
 * console read the one schema.
 */
import { z } from 'zod'

export const LEAD_SOURCES = ['chat', 'callback', 'form'] as const
export type LeadSourceKind = (typeof LEAD_SOURCES)[number]

export const RECOGNISED_CLIENT_MODES = ['attach', 'new-lead'] as const
export type RecognisedClientMode = (typeof RECOGNISED_CLIENT_MODES)[number]

const ids = z
  .array(z.string().min(1).max(64))
  .max(200)
  .refine((list) => new Set(list).size === list.length, 'Each one at most once')

/**
 * Every field has a default, so `{}` (and a row stored before the rules existed, read as null) is
 * today's behaviour: every source, every line and widget, recognised clients attached.
 */
export const leadRulesSchema = z.object({
  sources: z
    .array(z.enum(LEAD_SOURCES))
    .min(1, 'Pick at least one source, or switch the connection off')
    .refine((list) => new Set(list).size === list.length, 'Each source at most once')
    .default([...LEAD_SOURCES])
    .describe('Which sources create leads on this connection'),
  lineIds: ids.default([]).describe('Only leads from these lines; empty = every line'),
  widgetIds: ids.default([]).describe('Only leads from these widgets; empty = every widget'),
  recognisedClient: z
    .enum(RECOGNISED_CLIENT_MODES)
    .default('attach')
    .describe(
      'A client recognised by identified id, e-mail or phone: attach (a note on their record) or new-lead',
    ),
})

export type LeadRules = z.infer<typeof leadRulesSchema>
export type LeadRulesInput = z.input<typeof leadRulesSchema>

export const DEFAULT_LEAD_RULES: LeadRules = {
  sources: [...LEAD_SOURCES],
  lineIds: [],
  widgetIds: [],
  recognisedClient: 'attach',
}
