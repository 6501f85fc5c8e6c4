/** Routing of a line's waiting conversations to its operators (issue "Open lines"): the pure core. */
export { accept, skip } from './accept-skip.ts'
export { applyDecisions } from './apply-decisions.ts'
export { hasCapacity, isAvailable, isPresent, presenceExpiresAt } from './availability.ts'
export { autoCloseAt, canReopen } from './lifecycle.ts'
export { route } from './route.ts'
export { inQueueOrder } from './routing-context.ts'
export {
  type RoutingMode,
  type RoutingSettings,
  type RoutingSettingsInput,
  readRoutingSettings,
  returningClientSchema,
  routingModeSchema,
  routingSettingsSchema,
} from './routing-settings-schema.ts'
export {
  type AssignReason,
  DEFAULT_PRESENCE_TIMEOUT_MS,
  type Decision,
  type Presence,
  type RejectReason,
  type RouteOptions,
  type RouteResult,
  type RoutingOffer,
  type RoutingOperator,
  type RoutingState,
  type WaitingConversation,
  type WithdrawReason,
} from './types.ts'
