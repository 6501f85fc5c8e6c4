/** Scripted operators, conversations and clock for the routing tests: fixed instants, no timers. */
import {
  type RoutingSettings,
  type RoutingSettingsInput,
  routingSettingsSchema,
} from './routing-settings-schema.ts'
import type { Decision, RoutingOperator, WaitingConversation } from './types.ts'

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0)
export const SECOND = 1000

/** Online, heard from at T0, no chats, never assigned. */
export function operator(id: string, patch: Partial<RoutingOperator> = {}): RoutingOperator {
  return { id, presence: 'online', lastSeenAt: T0, activeChats: 0, lastAssignedAt: null, ...patch }
}

export function waiting(id: string, enqueuedAt: number, patch: Partial<WaitingConversation> = {}) {
  const conversation: WaitingConversation = {
    id,
    enqueuedAt,
    visitorId: `visitor-${id}`,
    preferredOperatorId: null,
    offers: [],
    skippedBy: [],
    ...patch,
  }
  return conversation
}

export function settings(input: RoutingSettingsInput): RoutingSettings {
  return routingSettingsSchema.parse(input)
}

export function ofType<T extends Decision['type']>(decisions: readonly Decision[], type: T) {
  return decisions.filter((d): d is Extract<Decision, { type: T }> => d.type === type)
}

/** `conversationId → operatorId` of the assignments, for compact expectations. */
export function assignments(decisions: readonly Decision[]): Record<string, string> {
  return Object.fromEntries(ofType(decisions, 'assign').map((d) => [d.conversationId, d.operatorId]))
}
