export { type AmoCrmAdapter, type AmoCrmOptions, createAmoCrmAdapter } from './amocrm-adapter.ts'
export { validationText } from './amocrm-errors.ts'
export { type AmoLeadOptions, complexLead, formsMetadata, leadName } from './lead-payload.ts'
