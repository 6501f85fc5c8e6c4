/**
 * Changing a widget after it was created (issue 5, "One button, three ways": appearance, channels,
 * display rules, languages and allowed origins are edited in the console through
 * PATCH /api/admin/widgets/:id).
 */
import type { JsonObject, Widget } from './types.ts'

export interface WidgetUpdate {
  name?: string
  /** The complete new settings (the HTTP layer merges the patch into the stored ones). */
  settings?: JsonObject
  /** The complete new origin allow-list (issue 2 audit: editable after creation). */
  allowedOrigins?: string[]
  /** Widgets keep no modification time; kept for symmetry with the other updates. */
  now: number
}

export interface WidgetUpdateStore {
  /** Throws StoreError('not_found') when the widget is not in the workspace. */
  updateWidget(workspaceId: string, id: string, update: WidgetUpdate): Promise<Widget>
}
