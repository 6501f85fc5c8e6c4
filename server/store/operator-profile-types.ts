/**
 * An operator changes their own name and avatar (issue 3 audit: the widget shows an operator's
 * avatar, but nothing could set it). A sub-interface of `Store`, implemented by
 * kysely-store/operator-profile.ts and checked by contract/operator-profile.ts.
 */
import type { Operator } from './types.ts'

export interface OperatorProfilePatch {
  name?: string
  /** null removes the avatar (the widget then shows initials). */
  avatarUrl?: string | null
}

export interface OperatorProfileStore {
  /**
   * Changes the fields given and returns the operator; messages already written keep the name and
   * avatar they were sent with. Throws StoreError('not_found') for an operator of another workspace.
   */
  updateOperatorProfile(workspaceId: string, id: string, patch: OperatorProfilePatch): Promise<Operator>
}
