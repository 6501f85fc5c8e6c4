/**
 * A line's automatic messages (issue "Open lines", modelled on Bitrix24 Open Lines auto-answers).
 * Texts are templates: see `renderTemplate` and docs/lines.md, "Auto-replies".
 */
import { z } from 'zod'

/** Room for the rendered placeholders within the protocol's 4000-character message limit. */
export const MAX_TEMPLATE_CHARS = 2000

const template = z.string().max(MAX_TEMPLATE_CHARS)

export const DEFAULT_TEXTS = {
  welcome: 'Hi {visitor_name|there}! Thanks for contacting {line_name|us}. An operator will reply shortly.',
  offHours:
    "Thanks for your message! We're away right now. We'll be back {next_opening|soon} and will reply then.",
  noAnswer:
    'Sorry for the wait: all our operators are busy at the moment. Please stay with us, we will answer as soon as we can.',
  onClose: 'Thanks for chatting with {line_name|us}! If anything else comes up, just write here again.',
} as const

export const autoRepliesSchema = z.object({
  welcome: z
    .object({
      enabled: z.boolean().default(true),
      text: template.default(DEFAULT_TEXTS.welcome),
      /** Greet once per conversation, or again whenever the visitor comes back in a new session. */
      when: z.enum(['first-message', 'each-session']).default('first-message'),
    })
    .prefault({}),
  offHours: z
    .object({
      enabled: z.boolean().default(true),
      text: template.default(DEFAULT_TEXTS.offHours),
    })
    .prefault({}),
  noAnswer: z
    .object({
      enabled: z.boolean().default(true),
      afterMinutes: z.number().int().min(1).max(1440).default(5),
      /** keep-waiting sends nothing: the visitor just stays in the queue. */
      action: z.enum(['send-text', 'keep-waiting', 'offer-callback']).default('send-text'),
      text: template.default(DEFAULT_TEXTS.noAnswer),
    })
    .prefault({}),
  onClose: z
    .object({
      enabled: z.boolean().default(true),
      text: template.default(DEFAULT_TEXTS.onClose),
    })
    .prefault({}),
})

export type AutoRepliesSettings = z.output<typeof autoRepliesSchema>
export type AutoRepliesInput = z.input<typeof autoRepliesSchema>
