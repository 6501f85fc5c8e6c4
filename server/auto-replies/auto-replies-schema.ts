/**
 * A line's automatic messages (issue "Open lines", modelled on Bitrix24 Open Lines auto-answers).
 * Texts are templates: see `renderTemplate` and docs/lines.md, "Auto-replies".
 */
import { z } from 'zod'
import { en } from '../i18n/en.ts'

/** Room for the rendered placeholders within the protocol's 4000-character message limit. */
export const MAX_TEMPLATE_CHARS = 2000

const template = z.string().max(MAX_TEMPLATE_CHARS)

/**
 * The built-in texts: the English catalog's (issue 5, item 7). A line whose text is still one of
 * these sends the catalog text of the visitor's language instead (see `autoReplyText`).
 */
export const DEFAULT_TEXTS = {
  welcome: en['autoReply.welcome'],
  offHours: en['autoReply.offHours'],
  noAnswer: en['autoReply.noAnswer'],
  onClose: en['autoReply.onClose'],
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
