/**
 * The state and the save of a draft form page (state/forms-draft.ts) — line settings, widget
 * settings, form builder: the draft reducer, a save that hands the server's issues to the reducer
 * (each field shows its own), and focus on the problem list after a refused save so keyboard and
 * screen-reader users land on it.
 */
import { useEffect, useReducer, useRef } from 'preact/hooks'
import { ApiError } from '../api/index.ts'
import { useT } from '../i18n/index.ts'
import { type DraftAction, type DraftState, draftReducer, initDraft } from '../state/index.ts'
import { errorText } from './error-text.ts'

export interface DraftSave<D, R> {
  /** Sends the draft; answers what the server stored. */
  send(state: DraftState<D>): Promise<R>
  /** What the server stored, as a draft: the new baseline. */
  draftOf(saved: R): D
  onSaved?(saved: R): void
  /** Re-paths the server's issues onto the draft where the two differ. */
  issuesOf?(issues: readonly unknown[] | undefined): readonly unknown[] | undefined
}

export function useDraftForm<D, R>(initial: D, { send, draftOf, onSaved, issuesOf }: DraftSave<D, R>) {
  const t = useT()
  const reducer: (state: DraftState<D>, action: DraftAction<D>) => DraftState<D> = draftReducer
  const [state, dispatch] = useReducer(reducer, initial, initDraft)
  const summary = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (state.status === 'failed') summary.current?.focus()
  }, [state.status])

  async function save(event: Event) {
    event.preventDefault()
    if (state.status === 'saving') return
    dispatch({ type: 'save.started' })
    try {
      const saved = await send(state)
      dispatch({ type: 'save.succeeded', saved: draftOf(saved) })
      onSaved?.(saved)
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues : undefined
      dispatch({
        type: 'save.failed',
        message: errorText(e, t),
        issues: e instanceof ApiError && issuesOf ? issuesOf(issues) : issues,
      })
    }
  }

  return { state, dispatch, summary, save }
}
