/**
 * Applying a connection's maps to a lead (issue "Leads to CRM", items 1 and 5), for the relay.
 *
 * `fieldMap` renames the lead's form answers (`Lead.fields`, label → value) to the names the CRM
 * side expects. The adapters carry `fields` as they are: the generic webhook puts them in its
 * payload (`data.lead.fields`), so receivers get the mapped names; Bitrix24, Kommo, HubSpot and
 * Tryton write them into the lead's comment/note under the mapped name, and Bitrix24 also into a
 * lead user field when the mapped name is its code (`UF_CRM_*`). Kommo `custom_fields_values` and
 * HubSpot properties are not written (docs/crm.md, "Known limits"). Applied by server/outbox/deliver.ts.
 */
import type { Lead } from '../crm/types.ts'
import type { StoredCrmConnection } from '../store/crm-connection-types.ts'

export function applyFieldMap(lead: Lead, fieldMap: Record<string, string>): Lead {
  if (!lead.fields || Object.keys(fieldMap).length === 0) return lead
  const fields: Record<string, string> = {}
  for (const [label, value] of Object.entries(lead.fields)) fields[fieldMap[label] ?? label] = value
  return { ...lead, fields }
}

/** The CRM user who should own a lead handled by `operatorId`, when the admin mapped one. */
export function responsibleCrmUser(
  connection: Pick<StoredCrmConnection, 'userMap'>,
  operatorId: string | null | undefined,
): string | undefined {
  return operatorId ? connection.userMap[operatorId] : undefined
}
