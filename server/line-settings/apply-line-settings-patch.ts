import type { JsonObject } from '../store/types.ts'
import { LINE_SETTINGS_PARTS, type LineSettingsPatch } from './line-settings-schema.ts'

/**
 * The stored settings after a PATCH: the given parts replace the stored ones; everything else in the
 * stored object is kept as it was, including keys other features keep in `Line.settings`.
 */
export function applyLineSettingsPatch(stored: JsonObject, patch: LineSettingsPatch): JsonObject {
  const next: JsonObject = { ...stored }
  for (const part of LINE_SETTINGS_PARTS) {
    if (patch[part] !== undefined) next[part] = patch[part]
  }
  return next
}
