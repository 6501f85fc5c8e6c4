export {
  type AutoRepliesInput,
  type AutoRepliesSettings,
  autoRepliesSchema,
  DEFAULT_TEXTS,
  MAX_TEMPLATE_CHARS,
} from './auto-replies-schema.ts'
export {
  type AutoReply,
  type AutoReplyDecision,
  type AutoReplyEvent,
  type AutoReplyInput,
  type AutoReplyKind,
  type ConversationTimes,
  decideAutoReplies,
  type SentAutoReply,
} from './decide-auto-replies.ts'
export { formatNextOpening, resolveLocale, type VisitorClock } from './format-next-opening.ts'
export { type AutoReplyTexts, autoReplyText } from './localised-text.ts'
export { MAX_NAME_CHARS, renderTemplate, type TemplateValues } from './render-template.ts'
