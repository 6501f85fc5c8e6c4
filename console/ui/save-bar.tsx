/**
 * The foot and head of a draft form (state/forms-draft.ts) — line settings, widget settings and the
 * form builder: Save / Discard changes with a polite status, and the list of problems of a refused
 * save. One place so the three pages behave alike; each keeps its own test ids and button texts.
 */
import { useT } from '../i18n/index.ts'
import { type DraftState, isDraftDirty } from '../state/index.ts'

export interface SaveBarProps {
  state: DraftState<unknown>
  /** Prefix of the test ids: `line` → `line-save`, `line-reset`, `line-save-status`. */
  prefix: string
  saveLabel: string
  discardLabel: string
  onReset(): void
  /** Keeps the bar in view on a long page (the widget settings). */
  sticky?: boolean
}

export function SaveBar({ state, prefix, saveLabel, discardLabel, onReset, sticky }: SaveBarProps) {
  const t = useT()
  const saving = state.status === 'saving'
  const dirty = isDraftDirty(state)
  return (
    <div class={sticky ? 'form-actions sticky-actions' : 'form-actions'}>
      <button type="submit" class="button primary" disabled={saving} data-testid={`${prefix}-save`}>
        {saving ? t('common.saving') : saveLabel}
      </button>
      <button
        type="button"
        class="button"
        disabled={!dirty || saving}
        onClick={onReset}
        data-testid={`${prefix}-reset`}
      >
        {discardLabel}
      </button>
      <span role="status" class="hint" data-testid={`${prefix}-save-status`}>
        {state.status === 'saved' ? t('common.saved') : dirty ? t('common.unsavedChanges') : ''}
      </span>
    </div>
  )
}

/** The list of problems of a refused save, focused (by the page) so keyboard users land on it. */
export function SaveErrorSummary({
  state,
  prefix,
  describe,
  summaryRef,
}: {
  state: DraftState<unknown>
  /** `line` → test id `line-save-error`. */
  prefix: string
  describe(path: (string | number)[]): string
  summaryRef: { current: HTMLDivElement | null }
}) {
  const t = useT()
  if (state.status !== 'failed') return null
  return (
    <div
      class="card error-summary"
      role="alert"
      tabIndex={-1}
      ref={summaryRef}
      data-testid={`${prefix}-save-error`}
    >
      <p>
        <strong>{t('draftFields.notSaved')}</strong> {state.failure}
      </p>
      {state.issues.length > 0 && (
        <ul>
          {state.issues.map((issue) => (
            <li key={`${issue.path.join('.')}:${issue.message}`}>
              {describe(issue.path)}: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
