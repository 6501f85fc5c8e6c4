/**
 * The line settings form (issue "Open lines"): a draft of the line's name and settings edited by
 * path, and the server's validation issues kept by the same path so each field shows its own error.
 */
import type { LineDetail } from '../api/index.ts'
import { insertAt, moveBy, type Path, pathKey, removeAt, setIn, toggleIn } from './edit-path.ts'

export type LineDraft = Pick<LineDetail, 'name' | 'settings'>

export interface FieldIssue {
  path: (string | number)[]
  message: string
}

export interface LineFormState {
  lineId: string
  saved: LineDraft
  draft: LineDraft
  status: 'editing' | 'saving' | 'saved' | 'failed'
  /** Server issues by `pathKey`; editing a field clears its own. */
  errors: Record<string, string>
  /** Every issue of the last failed save, for the summary at the top of the form. */
  issues: FieldIssue[]
  /** Why the last save failed, in words. */
  failure: string | null
}

export type LineFormAction =
  | { type: 'set'; path: Path; value: unknown }
  | { type: 'insert'; path: Path; value: unknown; index?: number }
  | { type: 'remove'; path: Path; index: number }
  | { type: 'move'; path: Path; index: number; by: -1 | 1 }
  | { type: 'toggle'; path: Path; value: unknown }
  | { type: 'reset' }
  | { type: 'save.started' }
  | { type: 'save.succeeded'; line: LineDetail }
  | { type: 'save.failed'; message: string; issues?: readonly unknown[] }

function draftOf(line: LineDetail): LineDraft {
  return { name: line.name, settings: line.settings }
}

export function initLineForm(line: LineDetail): LineFormState {
  const draft = draftOf(line)
  return { lineId: line.id, saved: draft, draft, status: 'editing', errors: {}, issues: [], failure: null }
}

/** Keeps the issues that look like zod's (a path and a message); anything else is ignored. */
export function fieldIssues(issues: readonly unknown[] | undefined): FieldIssue[] {
  return (issues ?? []).flatMap((issue) => {
    if (typeof issue !== 'object' || issue === null) return []
    const { path, message } = issue as { path?: unknown; message?: unknown }
    if (!Array.isArray(path) || typeof message !== 'string') return []
    const parts = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
    return [{ path: parts, message }]
  })
}

/** Clears the error of the edited field and of everything under it (a list lost or gained items). */
function clearErrors(errors: Record<string, string>, path: Path): Record<string, string> {
  const key = pathKey(path)
  const kept = Object.entries(errors).filter(([k]) => k !== key && !k.startsWith(`${key}.`))
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept)
}

function edit(state: LineFormState, path: Path, draft: LineDraft): LineFormState {
  return {
    ...state,
    draft,
    status: state.status === 'saving' ? 'saving' : 'editing',
    errors: clearErrors(state.errors, path),
  }
}

export function lineFormReducer(state: LineFormState, action: LineFormAction): LineFormState {
  switch (action.type) {
    case 'set':
      return edit(state, action.path, setIn(state.draft, action.path, action.value))
    case 'insert':
      return edit(state, action.path, insertAt(state.draft, action.path, action.value, action.index))
    case 'remove':
      return edit(state, action.path, removeAt(state.draft, action.path, action.index))
    case 'move':
      return edit(state, action.path, moveBy(state.draft, action.path, action.index, action.by))
    case 'toggle':
      return edit(state, action.path, toggleIn(state.draft, action.path, action.value))
    case 'reset':
      return { ...state, draft: state.saved, status: 'editing', errors: {}, issues: [], failure: null }
    case 'save.started':
      return { ...state, status: 'saving', failure: null }
    case 'save.succeeded': {
      const saved = draftOf(action.line)
      return { ...state, saved, draft: saved, status: 'saved', errors: {}, issues: [], failure: null }
    }
    case 'save.failed': {
      const issues = fieldIssues(action.issues)
      const errors: Record<string, string> = {}
      for (const issue of issues) errors[pathKey(issue.path)] ??= issue.message
      return { ...state, status: 'failed', errors, issues, failure: action.message }
    }
  }
}

export function isDirty(state: LineFormState): boolean {
  return JSON.stringify(state.draft) !== JSON.stringify(state.saved)
}

/** The PATCH body: the name and every settings part, each replacing the stored one. */
export function lineUpdateOf(draft: LineDraft): LineDraft {
  return { name: draft.name.trim(), settings: draft.settings }
}
