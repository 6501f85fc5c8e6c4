/**
 * A generic editable draft with the server's validation issues kept by path, used by the line
 * settings (issue "Open lines"), the form builder and the widget settings page (issue 5): edits go
 * through edit-path.ts, a refused save maps each zod issue onto the field it concerns.
 */
import { insertAt, moveBy, type Path, pathKey, removeAt, setIn, toggleIn } from './edit-path.ts'

export interface FieldIssue {
  path: (string | number)[]
  message: string
}

export interface DraftState<D> {
  saved: D
  draft: D
  status: 'editing' | 'saving' | 'saved' | 'failed'
  /** Server issues by `pathKey`; editing a field clears its own and those under it. */
  errors: Record<string, string>
  /** Every issue of the last failed save, for the summary at the top of the form. */
  issues: FieldIssue[]
  /** Why the last save failed, in words. */
  failure: string | null
}

export type DraftAction<D> =
  | { type: 'set'; path: Path; value: unknown }
  | { type: 'insert'; path: Path; value: unknown; index?: number }
  | { type: 'remove'; path: Path; index: number }
  | { type: 'move'; path: Path; index: number; by: -1 | 1 }
  | { type: 'toggle'; path: Path; value: unknown }
  | { type: 'reset' }
  | { type: 'save.started' }
  | { type: 'save.succeeded'; saved: D }
  | { type: 'save.failed'; message: string; issues?: readonly unknown[] }

export function initDraft<D>(saved: D): DraftState<D> {
  return { saved, draft: saved, status: 'editing', errors: {}, issues: [], failure: null }
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

function edit<D>(state: DraftState<D>, path: Path, draft: D): DraftState<D> {
  return {
    ...state,
    draft,
    status: state.status === 'saving' ? 'saving' : 'editing',
    errors: clearErrors(state.errors, path),
  }
}

export function draftReducer<D>(state: DraftState<D>, action: DraftAction<D>): DraftState<D> {
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
    case 'save.succeeded':
      return { ...initDraft(action.saved), status: 'saved' }
    case 'save.failed': {
      const issues = fieldIssues(action.issues)
      const errors: Record<string, string> = {}
      for (const issue of issues) errors[pathKey(issue.path)] ??= issue.message
      return { ...state, status: 'failed', errors, issues, failure: action.message }
    }
  }
}

export function isDraftDirty<D>(state: DraftState<D>): boolean {
  return JSON.stringify(state.draft) !== JSON.stringify(state.saved)
}

/**
 * Where an issue points, in words: `sections › #1 › fields › #2 › label`, without a leading `strip`
 * part; `whole` names the issue that points at nothing narrower.
 */
export function issueLocation(path: FieldIssue['path'], strip?: string, whole = 'form'): string {
  const parts = strip && path[0] === strip ? path.slice(1) : path
  return parts.length === 0 ? whole : parts.map((p) => (typeof p === 'number' ? `#${p + 1}` : p)).join(' › ')
}
