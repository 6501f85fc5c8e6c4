import type { ConsoleApi, LineDetail, Operator } from '../../api/index.ts'
import { useT } from '../../i18n/index.ts'
import { issueLocation, lineDraftOf, lineUpdateOf } from '../../state/index.ts'
import { SaveBar, SaveErrorSummary } from '../save-bar.tsx'
import { useDraftForm } from '../use-draft-form.ts'
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
  const { state, dispatch, summary, save } = useDraftForm(lineDraftOf(line), {
    send: ({ draft }) => api.updateLine(line.id, lineUpdateOf(draft)),
    draftOf: lineDraftOf,
    onSaved,
  })
  const ctx: FormContext = { state, dispatch }
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
