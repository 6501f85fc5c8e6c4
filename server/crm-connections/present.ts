import type { StoredCrmConnection } from '../store/crm-connection-types.ts'
import type { PublicCrmConnection } from './crm-connection-schemas.ts'
import { maskConnection } from './masking.ts'

/** A connection as the admin API shows it: never a secret, never the workspace internals. */
export function presentCrmConnection(stored: StoredCrmConnection): PublicCrmConnection {
  return {
    id: stored.id,
    name: stored.name,
    enabled: stored.enabled,
    settings: maskConnection(stored.connection),
    fieldMap: stored.fieldMap,
    userMap: stored.userMap,
    leadRules: stored.leadRules,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  }
}
