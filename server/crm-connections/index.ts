/**
 * CRM connections (issue "Leads to CRM through a durable outbox", items 5 and 6): the admin API,
 * the masking that keeps secrets on the server, and the maps the relay applies to leads.
 */
export {
  type CrmConnectionInput,
  type InputIssue,
  type ResolveResult,
  ROTATION_WINDOW_MS,
  resolveConnectionInput,
} from './connection-input.ts'
export { type CrmConnectionApiOptions, mountCrmConnections } from './crm-connection-handlers.ts'
export { crmConnectionRoutes } from './crm-connection-routes.ts'
export type { PublicCrmConnection } from './crm-connection-schemas.ts'
export { applyFieldMap, responsibleCrmUser } from './field-map.ts'
export { connectionSecrets, MASK, maskConnection, maskTail, maskUrl } from './masking.ts'
export { presentCrmConnection } from './present.ts'
