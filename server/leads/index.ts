export { type ChatLeadSource, createChatLeadSource } from './chat-lead-source.ts'
export {
  contactKeys,
  type FollowUpPlan,
  hasContactData,
  type LeadPlan,
  planFollowUp,
  planLead,
  toLead,
} from './lead-rules.ts'
export type { LeadDraft, LeadSource } from './lead-source.ts'
