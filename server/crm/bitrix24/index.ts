export { type Bitrix24Adapter, type Bitrix24Options, createBitrix24Adapter } from './bitrix24-adapter.ts'
export { leadFields, ORIGINATOR_ID, SOURCE_ID } from './lead-fields.ts'
export { parseWebhookUrl } from './webhook-url.ts'
