/**
 * The line settings form (issue "Open lines"): a draft of the line's name and settings edited by
 * path with the generic draft of forms-draft.ts, so each field shows the server's issue for its path.
 */
import type { LineDetail } from '../api/index.ts'
import type { DraftAction, DraftState } from './forms-draft.ts'

export type LineDraft = Pick<LineDetail, 'name' | 'settings'>
export type LineFormState = DraftState<LineDraft>
export type LineFormAction = DraftAction<LineDraft>

export function lineDraftOf(line: LineDetail): LineDraft {
  return { name: line.name, settings: line.settings }
}

/** The PATCH body: the name and every settings part, each replacing the stored one. */
export function lineUpdateOf(draft: LineDraft): LineDraft {
  return { name: draft.name.trim(), settings: draft.settings }
}
