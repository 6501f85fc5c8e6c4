import type { JsonObject } from '../store/types.ts'
import {
  readWidgetSettings,
  type WidgetSettings,
  type WidgetSettingsPatch,
  widgetSettingsSchema,
} from './settings-schema.ts'

/** Object-valued settings that merge one level instead of being replaced. */
const MERGED = new Set(['texts', 'channels', 'displayRules', 'callback'])

export type PatchResult =
  | { ok: true; settings: WidgetSettings }
  | { ok: false; issues: Array<{ path: PropertyKey[]; message: string }> }

/**
 * PATCH semantics of widget settings (issue 5): fields given replace the stored ones; `channels`,
 * `displayRules` and `callback` merge field by field (null for one of their optional fields, such
 * as `channels.formId`, unsets it); `texts` merges key by key (null removes an
 * override); null for title, greeting, launcher label, displayRules or callback goes back to the
 * default.
 */
export function applyWidgetSettingsPatch(stored: JsonObject, patch: WidgetSettingsPatch): PatchResult {
  const current = readWidgetSettings(stored)
  const next: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || MERGED.has(key)) continue
    if (value === null) delete next[key]
    else next[key] = value
  }
  if (patch.channels) next.channels = mergeFields(current.channels, patch.channels)
  if (patch.displayRules === null) delete next.displayRules
  else if (patch.displayRules) next.displayRules = mergeFields(current.displayRules, patch.displayRules)
  if (patch.callback === null) delete next.callback
  else if (patch.callback) next.callback = mergeFields(current.callback, patch.callback)
  if (patch.texts) {
    const texts: Record<string, string> = { ...current.texts }
    for (const [key, value] of Object.entries(patch.texts)) {
      if (value === null) delete texts[key]
      else texts[key] = value
    }
    next.texts = texts
  }
  // Through the schema again: defaults for a new displayRules object, and the limits on the whole.
  const parsed = widgetSettingsSchema.safeParse(next)
  if (parsed.success) return { ok: true, settings: parsed.data }
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) }
}

/** One level of merge: undefined keeps the stored field, null removes it (e.g. unsets a chosen form). */
function mergeFields(current: object | undefined, patch: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key]
    else if (value !== undefined) merged[key] = value
  }
  return merged
}
