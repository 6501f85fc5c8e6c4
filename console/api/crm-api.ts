/**
 * The CRM page's calls (issue "Leads to CRM", items 5 and 6): connections (secrets arrive masked
 * and may be sent back masked to keep them) and the delivery log of contract C4.
 */
import type { CrmConnectionInput } from '../../server/crm-connections/connection-input.ts'
import type { PublicCrmConnection } from '../../server/crm-connections/crm-connection-schemas.ts'
import type { LeadRulesInput } from '../../server/leads/lead-rules-schema.ts'
import type { HttpClient } from './http-client.ts'

export type CrmConnectionView = PublicCrmConnection
export type CrmSettingsInput = CrmConnectionInput
export type CrmKindName = CrmConnectionInput['kind']

export interface CrmConnectionBody {
  name?: string
  enabled?: boolean
  settings?: CrmSettingsInput
  fieldMap?: Record<string, string>
  userMap?: Record<string, string>
  /** Issue 6, item 1: replaces the stored rules whole; fields left out take their defaults. */
  leadRules?: LeadRulesInput
}

export type CrmTestResult = { ok: true } | { ok: false; error: { code: string; message: string } }

export type DeliveryStatus = 'pending' | 'delivered' | 'dead'

/** One row of GET /api/admin/crm/deliveries (contract C4). */
export interface CrmDelivery {
  id: string
  connectionId: string
  /** Null when the connection was removed since. */
  connectionName: string | null
  topic: string
  subjectId: string
  status: DeliveryStatus
  attempts: number
  lastError: string | null
  nextAttemptAt: number | null
  deliveredAt: number | null
  crmId: string | null
  createdAt: number
}

export interface CrmApi {
  listConnections(): Promise<CrmConnectionView[]>
  createConnection(
    body: CrmConnectionBody & { name: string; settings: CrmSettingsInput },
  ): Promise<CrmConnectionView>
  updateConnection(id: string, body: CrmConnectionBody): Promise<CrmConnectionView>
  deleteConnection(id: string): Promise<void>
  testConnection(id: string): Promise<CrmTestResult>
  /** `subjectId`: one conversation's, callback's or form submission's deliveries (issue 6, item 2). */
  listDeliveries(query: {
    status?: DeliveryStatus
    subjectId?: string
    limit?: number
  }): Promise<CrmDelivery[]>
  replayDelivery(id: string): Promise<CrmDelivery>
}

export function createCrmApi(http: HttpClient): CrmApi {
  const base = '/api/admin/crm/connections'
  const id = encodeURIComponent
  type One = { connection: CrmConnectionView }
  return {
    listConnections: async () => (await http.get<{ connections: CrmConnectionView[] }>(base)).connections,
    createConnection: async (body) => (await http.send<One>('POST', base, body)).connection,
    updateConnection: async (connectionId, body) =>
      (await http.send<One>('PATCH', `${base}/${id(connectionId)}`, body)).connection,
    deleteConnection: (connectionId) => http.send<void>('DELETE', `${base}/${id(connectionId)}`),
    testConnection: (connectionId) => http.send<CrmTestResult>('POST', `${base}/${id(connectionId)}/test`),
    async listDeliveries(query) {
      const params = new URLSearchParams()
      if (query.status) params.set('status', query.status)
      if (query.subjectId) params.set('subjectId', query.subjectId)
      if (query.limit) params.set('limit', String(query.limit))
      const suffix = params.size > 0 ? `?${params}` : ''
      return (await http.get<{ deliveries: CrmDelivery[] }>(`/api/admin/crm/deliveries${suffix}`)).deliveries
    },
    replayDelivery: async (deliveryId) =>
      (
        await http.send<{ delivery: CrmDelivery }>(
          'POST',
          `/api/admin/crm/deliveries/${id(deliveryId)}/replay`,
        )
      ).delivery,
  }
}
