/** The CRM outbox (issue 6, items 1–3): schedule, relay, adapter cache and its wiring knobs. */
export { type AdapterFor, createAdapterCache } from './connection-adapters.ts'
export { type DeliveryOutcome, deliver } from './deliver.ts'
export { classifyFailure, type Failure } from './failure.ts'
export {
  createRelay,
  DEFAULT_RELAY_OPTIONS,
  OUTBOX_WAKE_CHANNEL,
  type Relay,
  type RelayDeps,
  type RelayOptions,
} from './relay.ts'
export { relaySettings } from './relay-settings.ts'
export {
  jitteredDelay,
  type NextAttempt,
  nextAttempt,
  type RetryPolicy,
  STANDARD_WEBHOOKS_POLICY,
} from './schedule.ts'
export { startOutbox } from './start-outbox.ts'
