/** The field map (form answer → CRM field) and operator → CRM user map editors. */
import type { Operator } from '../../api/index.ts'
import { useT } from '../../i18n/index.ts'
import type { FieldMapRow } from '../../state/crm-connection-draft.ts'

export function FieldMapEditor(props: {
  rows: FieldMapRow[]
  error?: string
  onChange(rows: FieldMapRow[]): void
}) {
  const t = useT()
  const { rows, onChange } = props
  const set = (index: number, patch: Partial<FieldMapRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))
  return (
    <fieldset class="settings-section" data-testid="crm-field-map">
      <legend>
        <h3>{t('mapEditors.fieldMapping')}</h3>
      </legend>
      <p class="hint field-hint" id="crm-field-map-hint">
        {t('mapEditors.formAnswersAreSent')}
      </p>
      {rows.length > 0 && (
        <ul class="chip-list">
          {rows.map((row, index) => (
            <li key={index} class="interval">
              <div class="field">
                <label for={`crm-map-from-${index}`}>{t('mapEditors.openlineField')}</label>
                <input
                  id={`crm-map-from-${index}`}
                  value={row.from}
                  aria-describedby="crm-field-map-hint"
                  data-testid="crm-map-from"
                  onInput={(e) => set(index, { from: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for={`crm-map-to-${index}`}>{t('mapEditors.crmField')}</label>
                <input
                  id={`crm-map-to-${index}`}
                  value={row.to}
                  data-testid="crm-map-to"
                  onInput={(e) => set(index, { to: e.currentTarget.value })}
                />
              </div>
              <button
                type="button"
                class="button small"
                aria-label={t('mapEditors.removeMapping', { name: row.from || index + 1 })}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                {t('mapEditors.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.error && (
        <p class="form-error" data-testid="crm-field-map-error">
          {props.error}
        </p>
      )}
      <div>
        <button
          type="button"
          class="button small"
          data-testid="crm-map-add"
          onClick={() => onChange([...rows, { from: '', to: '' }])}
        >
          {t('mapEditors.addMapping')}
        </button>
      </div>
    </fieldset>
  )
}

export function UserMapEditor(props: {
  operators: Operator[] | null
  userMap: Record<string, string>
  onChange(userMap: Record<string, string>): void
}) {
  const t = useT()
  const { operators, userMap, onChange } = props
  return (
    <fieldset class="settings-section" data-testid="crm-user-map">
      <legend>
        <h3>{t('mapEditors.operatorsInTheCrm')}</h3>
      </legend>
      <p class="hint field-hint">{t('mapEditors.theCrmUserId')}</p>
      {operators === null && <p class="hint">{t('mapEditors.loadingOperators')}</p>}
      {operators?.map((operator) => (
        <div class="field" key={operator.id}>
          <label for={`crm-user-${operator.id}`}>
            {t('mapEditors.crmUserIdOf', { name: operator.name, email: operator.email })}
          </label>
          <input
            id={`crm-user-${operator.id}`}
            value={userMap[operator.id] ?? ''}
            data-testid="crm-user-id"
            onInput={(e) => onChange({ ...userMap, [operator.id]: e.currentTarget.value })}
          />
        </div>
      ))}
    </fieldset>
  )
}
