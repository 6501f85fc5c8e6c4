export { type AmoCrmAdapter, type AmoCrmOptions, createAmoCrmAdapter } from './amocrm/index.ts'
export { type Bitrix24Adapter, type Bitrix24Options, createBitrix24Adapter } from './bitrix24/index.ts'
export { type CrmConnection, type CrmDeps, createCrmAdapter, crmConnectionSchema } from './crm-connection.ts'
export { CrmError, type CrmErrorCode, type CrmErrorInit, isCrmError, redact } from './crm-error.ts'
export {
  fetchHttp,
  type HttpFn,
  type HttpRequest,
  type HttpResponse,
  type PaceOptions,
  pacedHttp,
  parseRetryAfter,
} from './http/index.ts'
export { createHubSpotAdapter, type HubSpotAdapter, type HubSpotOptions } from './hubspot/index.ts'
export { createTrytonAdapter, type TrytonAdapter, type TrytonOptions } from './tryton/index.ts'
export type {
  CreatedLead,
  CreateLeadContext,
  CrmAdapter,
  CrmKind,
  Lead,
  LeadKind,
  LeadUtm,
  Transcript,
  TranscriptMessage,
} from './types.ts'
export {
  createWebhookAdapter,
  generateWebhookSecret,
  type VerifyResult,
  verifyWebhookSignature,
  type WebhookAdapter,
  type WebhookEventType,
  type WebhookOptions,
} from './webhook/index.ts'
