/**
 * Callback requests (issue 5, item 2; docs/callbacks.md): the visitor asks to be called back as
 * soon as possible or in a slot of the line's schedule; operators work the queue.
 */

export {
  CallbackError,
  type CallbackErrorCode,
  type CallbackOptions,
  type CallbackRequest,
  type CallbackService,
  createCallbackService,
  type VisitorRef,
} from './callback-service.ts'
export {
  type CallbackSettings,
  callbackSettingsSchema,
  consentTextOf,
  readCallbackSettings,
} from './callback-settings.ts'
export { createCallbackLeadSource } from './lead-source.ts'
export { asCountry, countryFromLocale, normalisePhone } from './phone.ts'
export { asapDue, callbackSlots, DEFAULT_SLOT_DAYS, isOfferedSlot, SLOT_STEP_MINUTES } from './schedule.ts'
export { type CallbackAction, planCallbackChange } from './transitions.ts'
export { toWireCallback } from './wire.ts'
