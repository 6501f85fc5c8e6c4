import type { Lead, Transcript } from '../crm/types.ts'

/**
 * Contract C2 (issue 6, item 1): what a lead looks like before it is sent. The relay adds the id
 * (stable per delivery, so adapters can deduplicate on it) and maps `assigneeOperatorId` to the CRM
 * user of each connection through its operator → CRM user map.
 */
export type LeadDraft = Omit<Lead, 'id' | 'responsibleCrmUserId'> & {
  assigneeOperatorId?: string
  transcript?: Transcript
}

/**
 * Builds the lead for one outbox subject (a conversation, a callback, a form submission) at
 * delivery time, from what is stored then. `undefined` = nothing to send (deleted, or no contact yet).
 */
export interface LeadSource {
  build(workspaceId: string, subjectId: string): Promise<LeadDraft | undefined>
}
