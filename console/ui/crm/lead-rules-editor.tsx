/**
 * The lead rules of one CRM connection (issue 6, item 1), like the CRM settings of a Bitrix24 Open
 * Line: which sources make leads here, from which lines and widgets (none ticked = all), and what a
 * recognised client gets.
 */
import type { LeadRules } from '../../../server/leads/lead-rules-schema.ts'
import type { LineSummary, WidgetSummary } from '../../api/index.ts'
import type { MessageKey } from '../../i18n/en.ts'
import { useT } from '../../i18n/index.ts'
import { toggleItem } from '../../state/crm-connection-draft.ts'

const SOURCE_LABELS: Record<LeadRules['sources'][number], MessageKey> = {
  chat: 'leadRules.chats',
  callback: 'leadRules.callbacks',
  form: 'leadRules.forms',
}

export interface LeadRulesEditorProps {
  rules: LeadRules
  /** Null while loading. */
  lines: LineSummary[] | null
  widgets: WidgetSummary[] | null
  error?: string | undefined
  onChange(rules: LeadRules): void
}

export function LeadRulesEditor({ rules, lines, widgets, error, onChange }: LeadRulesEditorProps) {
  const t = useT()
  return (
    <fieldset class="settings-section" data-testid="crm-lead-rules">
      <legend>
        <h3>{t('leadRules.whichLeads')}</h3>
      </legend>
      <fieldset class="field" aria-describedby={error ? 'crm-lead-sources-error' : undefined}>
        <legend>{t('leadRules.sources')}</legend>
        {(Object.keys(SOURCE_LABELS) as LeadRules['sources']).map((source) => (
          <div class="field-check" key={source}>
            <input
              id={`crm-lead-source-${source}`}
              type="checkbox"
              checked={rules.sources.includes(source)}
              data-testid={`crm-lead-source-${source}`}
              onChange={(e) =>
                onChange({ ...rules, sources: toggleItem(rules.sources, source, e.currentTarget.checked) })
              }
            />
            <label for={`crm-lead-source-${source}`}>{t(SOURCE_LABELS[source])}</label>
          </div>
        ))}
        {error && (
          <p id="crm-lead-sources-error" class="form-error" data-testid="crm-lead-rules-error">
            {error}
          </p>
        )}
      </fieldset>
      <IdChecklist
        kind="line"
        legend={t('leadRules.lines')}
        hint={t('leadRules.noLineTicked')}
        items={lines}
        selected={rules.lineIds}
        onChange={(lineIds) => onChange({ ...rules, lineIds })}
      />
      <IdChecklist
        kind="widget"
        legend={t('leadRules.widgets')}
        hint={t('leadRules.noWidgetTicked')}
        items={widgets}
        selected={rules.widgetIds}
        onChange={(widgetIds) => onChange({ ...rules, widgetIds })}
      />
      <fieldset class="field">
        <legend>{t('leadRules.recognisedClient')}</legend>
        <p class="hint field-hint">{t('leadRules.recognisedHint')}</p>
        {(['attach', 'new-lead'] as const).map((mode) => (
          <div class="field-check" key={mode}>
            <input
              id={`crm-recognised-${mode}`}
              type="radio"
              name="crm-recognised-client"
              checked={rules.recognisedClient === mode}
              data-testid={`crm-recognised-${mode}`}
              onChange={() => onChange({ ...rules, recognisedClient: mode })}
            />
            <label for={`crm-recognised-${mode}`}>
              {mode === 'attach' ? t('leadRules.attach') : t('leadRules.newLead')}
            </label>
          </div>
        ))}
      </fieldset>
    </fieldset>
  )
}

/** Ticked ids limit the rule; an id no longer in the workspace stays listed so it can be unticked. */
function IdChecklist(props: {
  kind: 'line' | 'widget'
  legend: string
  hint: string
  items: { id: string; name: string }[] | null
  selected: string[]
  onChange(ids: string[]): void
}) {
  const t = useT()
  const { kind, items, selected, onChange } = props
  const known = new Set(items?.map((item) => item.id))
  const shown = [
    ...(items ?? []),
    ...selected.filter((id) => !known.has(id)).map((id) => ({ id, name: t('leadRules.removed', { id }) })),
  ]
  return (
    <fieldset class="field" data-testid={`crm-lead-${kind}s`}>
      <legend>{props.legend}</legend>
      <p class="hint field-hint">{props.hint}</p>
      {items === null && <p class="hint">{t('leadRules.loading')}</p>}
      {shown.map((item) => (
        <div class="field-check" key={item.id}>
          <input
            id={`crm-lead-${kind}-${item.id}`}
            type="checkbox"
            checked={selected.includes(item.id)}
            data-testid={`crm-lead-${kind}`}
            value={item.id}
            onChange={(e) => onChange(toggleItem(selected, item.id, e.currentTarget.checked))}
          />
          <label for={`crm-lead-${kind}-${item.id}`}>{item.name}</label>
        </div>
      ))}
    </fieldset>
  )
}
