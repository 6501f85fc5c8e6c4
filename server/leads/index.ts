export { type ChatLeadSource, createChatLeadSource } from './chat-lead-source.ts'
export {
  contactKeys,
  deliveryTargets,
  type FollowUpPlan,
  hasContactData,
  type LeadOrigin,
  type LeadPlan,
  leadKindOf,
  planFollowUp,
  planLead,
  rulesNeedOrigin,
  rulesTakeLead,
  toLead,
} from './lead-rules.ts'
export {
  DEFAULT_LEAD_RULES,
  LEAD_SOURCES,
  type LeadRules,
  type LeadRulesInput,
  leadRulesSchema,
  RECOGNISED_CLIENT_MODES,
  type RecognisedClientMode,
} from './lead-rules-schema.ts'
export type { LeadDraft, LeadSource } from './lead-source.ts'
