import { useEffect, useReducer, useRef } from 'preact/hooks'
import { ApiError, type ConsoleApi, type LineDetail, type Operator } from '../../api/index.ts'
import { useT } from '../../i18n/index.ts'
import { initDraft, issueLocation, lineDraftOf, lineFormReducer, lineUpdateOf } from '../../state/index.ts'
import { errorText } from '../error-text.ts'
import { SaveBar, SaveErrorSummary } from '../save-bar.tsx'
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

export function LineSettingsForm({ line, operators, api, timeZones, onSaved }: LineSettingsFormProps) {
  const t = useT()
  const [state, dispatch] = useReducer(lineFormReducer, lineDraftOf(line), initDraft)
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
      const saved = await api.updateLine(line.id, lineUpdateOf(state.draft))
      dispatch({ type: 'save.succeeded', saved: lineDraftOf(saved) })
      onSaved?.(saved)
    } catch (e) {
      dispatch({
        type: 'save.failed',
        message: errorText(e, t),
        issues: e instanceof ApiError ? e.issues : undefined,
      })
    }
  }

  return (
    <form class="line-settings-form" onSubmit={save} noValidate data-testid="line-settings-form">
      <SaveErrorSummary
        state={state}
        prefix="line"
        summaryRef={summary}
        // `routing › queue › #2` rather than a raw path.
        describe={(path) => issueLocation(path, 'settings', 'settings')}
      />
      <TextField ctx={ctx} path={['name']} label={t('lineSettingsForm.lineName')} />
      <RoutingSection ctx={ctx} operators={operators} />
      <WorkingHoursSection ctx={ctx} timeZones={timeZones} />
      <OffHoursSection ctx={ctx} />
      <AutoRepliesSection ctx={ctx} />
      <SaveBar
        state={state}
        prefix="line"
        saveLabel={t('common.saveSettings')}
        discardLabel={t('lineSettingsForm.discardChanges')}
        onReset={() => dispatch({ type: 'reset' })}
      />
    </form>
  )
}
