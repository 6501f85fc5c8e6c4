export {
  eventId,
  LEAD_EVENT,
  leadEvent,
  transcriptEvent,
  type WebhookEvent,
  type WebhookEventType,
} from './events.ts'
export {
  generateWebhookSecret,
  type HeaderSource,
  sign,
  signatureHeader,
  type VerifyResult,
  verifyWebhookSignature,
} from './signature.ts'
export { createWebhookAdapter, type WebhookAdapter, type WebhookOptions } from './webhook-adapter.ts'
