/**
 * CRM connections (issue "Leads to CRM through a durable outbox", items 5 and 6): one row per CRM a
 * workspace forwards leads to. `connection` holds secrets (webhook URLs with tokens, API tokens,
 * passwords, whsec secrets): the store returns them in full for the relay; only the admin API's
 * masking (server/crm-connections/) decides what a browser sees. Contract C3.
 */
import type { CrmConnection } from '../crm/crm-connection.ts'
import type { LeadRules } from '../leads/lead-rules-schema.ts'

export interface StoredCrmConnection {
  id: string
  workspaceId: string
  name: string
  enabled: boolean
  connection: CrmConnection
  /** Openline lead field → CRM field name, for adapters that take custom fields. */
  fieldMap: Record<string, string>
  /** Openline operator id → CRM user id (the responsible person of a lead). */
  userMap: Record<string, string>
  /** Which leads go here and what a recognised client gets (issue 6, item 1); defaults = all, attach. */
  leadRules: LeadRules
  createdAt: number
  updatedAt: number
}

export interface NewCrmConnection {
  workspaceId: string
  name: string
  enabled?: boolean
  connection: CrmConnection
  fieldMap?: Record<string, string>
  userMap?: Record<string, string>
  leadRules?: LeadRules
  now: number
}

/** Fields left undefined keep their stored value; `connection` replaces the stored one whole. */
export interface CrmConnectionPatch {
  name?: string
  enabled?: boolean
  connection?: CrmConnection
  fieldMap?: Record<string, string>
  userMap?: Record<string, string>
  leadRules?: LeadRules
  now: number
}

export interface CrmConnectionStore {
  /** The workspace's connections, oldest first. */
  listCrmConnections(workspaceId: string): Promise<StoredCrmConnection[]>
  getCrmConnection(workspaceId: string, id: string): Promise<StoredCrmConnection | undefined>
  createCrmConnection(input: NewCrmConnection): Promise<StoredCrmConnection>
  /** Throws StoreError('not_found') for a connection of another workspace or none at all. */
  updateCrmConnection(
    workspaceId: string,
    id: string,
    patch: CrmConnectionPatch,
  ): Promise<StoredCrmConnection>
  /** False when there was nothing to delete. */
  deleteCrmConnection(workspaceId: string, id: string): Promise<boolean>
}
