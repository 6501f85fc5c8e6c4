import { useEffect, useReducer, useRef } from 'preact/hooks'
import { ApiError, type ConsoleApi, type LineDetail, type Operator } from '../../api/index.ts'
import { type FieldIssue, initLineForm, isDirty, lineFormReducer, lineUpdateOf } from '../../state/index.ts'
import { errorText } from '../error-text.ts'
import { AutoRepliesSection } from './auto-replies-section.tsx'
import { TextField } from './fields.tsx'
import type { FormContext } from './form-context.ts'
import { OffHoursSection } from './off-hours-section.tsx'
import { RoutingSection } from './routing-section.tsx'
import { WorkingHoursSection } from './working-hours-section.tsx'

export interface LineSettingsFormProps {
  line: LineDetail
  operators: readonly Operator[]
  api: Pick<ConsoleApi, 'updateLine'>
  timeZones: readonly string[]
  onSaved?(line: LineDetail): void
}

/** Where an issue points, in words: `routing › queue › 2` rather than a raw path. */
function issueLocation(issue: FieldIssue): string {
  const parts = issue.path[0] === 'settings' ? issue.path.slice(1) : issue.path
  return parts.length === 0
    ? 'settings'
    : parts.map((p) => (typeof p === 'number' ? `#${p + 1}` : p)).join(' › ')
}

export function LineSettingsForm({ line, operators, api, timeZones, onSaved }: LineSettingsFormProps) {
  const [state, dispatch] = useReducer(lineFormReducer, line, initLineForm)
  const ctx: FormContext = { state, dispatch }
  const summary = useRef<HTMLDivElement>(null)

  // Keyboard and screen-reader users land on the list of problems after a refused save.
  useEffect(() => {
    if (state.status === 'failed') summary.current?.focus()
  }, [state.status])

  async function save(event: Event) {
    event.preventDefault()
    if (state.status === 'saving') return
    dispatch({ type: 'save.started' })
    try {
      const saved = await api.updateLine(state.lineId, lineUpdateOf(state.draft))
      dispatch({ type: 'save.succeeded', line: saved })
      onSaved?.(saved)
    } catch (e) {
      dispatch({
        type: 'save.failed',
        message: errorText(e),
        issues: e instanceof ApiError ? e.issues : undefined,
      })
    }
  }

  return (
    <form class="line-settings-form" onSubmit={save} noValidate data-testid="line-settings-form">
      {state.status === 'failed' && (
        <div
          class="card error-summary"
          role="alert"
          tabIndex={-1}
          ref={summary}
          data-testid="line-save-error"
        >
          <p>
            <strong>Not saved:</strong> {state.failure}
          </p>
          {state.issues.length > 0 && (
            <ul>
              {state.issues.map((issue) => (
                <li key={`${issue.path.join('.')}:${issue.message}`}>
                  {issueLocation(issue)}: {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <TextField ctx={ctx} path={['name']} label="Line name" />
      <RoutingSection ctx={ctx} operators={operators} />
      <WorkingHoursSection ctx={ctx} timeZones={timeZones} />
      <OffHoursSection ctx={ctx} />
      <AutoRepliesSection ctx={ctx} />
      <div class="form-actions">
        <button
          type="submit"
          class="button primary"
          disabled={state.status === 'saving'}
          data-testid="line-save"
        >
          {state.status === 'saving' ? 'Saving…' : 'Save settings'}
        </button>
        <button
          type="button"
          class="button"
          disabled={!isDirty(state) || state.status === 'saving'}
          onClick={() => dispatch({ type: 'reset' })}
          data-testid="line-reset"
        >
          Discard changes
        </button>
        <span role="status" class="hint" data-testid="line-save-status">
          {state.status === 'saved' ? 'Saved.' : isDirty(state) ? 'Unsaved changes.' : ''}
        </span>
      </div>
    </form>
  )
}
