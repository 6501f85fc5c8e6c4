import { isForeignKeyViolation, isUniqueViolation } from '../db-errors.ts'
import { StoreError } from '../types.ts'

/**
 * Turns constraint violations into the Store's error vocabulary: a unique violation is a
 * `conflict` (duplicate email, slug…); a foreign-key violation means a referenced row does not
 * exist in this workspace (the keys are composite with workspace_id), which callers must see as
 * `not_found` — never as a hint that the row exists elsewhere.
 */
export async function mapConstraintErrors<T>(
  work: Promise<T>,
  messages: { conflict?: string; notFound?: string },
): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (messages.conflict !== undefined && isUniqueViolation(error)) {
      throw new StoreError('conflict', messages.conflict)
    }
    if (messages.notFound !== undefined && isForeignKeyViolation(error)) {
      throw new StoreError('not_found', messages.notFound)
    }
    throw error
  }
}
