/**
 * Add or edit one CRM connection: the fields of its kind, the enabled switch, the lead rules
 * (issue 6, item 1) and the two maps.
 */
import { useState } from 'preact/hooks'
import {
  ApiError,
  type CrmApi,
  type CrmConnectionView,
  type CrmKindName,
  type LineSummary,
  type Operator,
  type WidgetSummary,
} from '../../api/index.ts'
import { useT } from '../../i18n/index.ts'
import {
  type ConnectionDraft,
  CRM_KINDS,
  crmKindLabel,
  draftProblems,
  draftToBody,
  emptyDraft,
  KIND_FIELDS,
  type KindField,
} from '../../state/crm-connection-draft.ts'
import { errorText } from '../error-text.ts'
import { LeadRulesEditor } from './lead-rules-editor.tsx'
import { FieldMapEditor, UserMapEditor } from './map-editors.tsx'

export interface ConnectionEditorProps {
  crm: CrmApi
  initial: ConnectionDraft
  operators: Operator[] | null
  /** For the lead rules; null while loading. */
  lines: LineSummary[] | null
  widgets: WidgetSummary[] | null
  onSaved(connection: CrmConnectionView): void
  onCancel(): void
}

/** Server issues by field key: ['settings', 'token'] → 'token', ['name'] → 'name'. */
function issuesByField(error: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(error instanceof ApiError)) return out
  for (const issue of error.issues ?? []) {
    if (typeof issue !== 'object' || issue === null) continue
    const { path, message } = issue as { path?: unknown; message?: unknown }
    if (!Array.isArray(path) || typeof message !== 'string') continue
    const key = path[0] === 'settings' ? String(path[1] ?? 'kind') : String(path[0] ?? '')
    out[key] ??= message
  }
  return out
}

export function ConnectionEditor(props: ConnectionEditorProps) {
  const { crm, initial, operators, lines, widgets, onSaved, onCancel } = props
  const t = useT()
  const [draft, setDraft] = useState(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const isNew = draft.id === null

  async function save(event: Event) {
    event.preventDefault()
    const problems = draftProblems(draft, t)
    setErrors(problems)
    setFormError(null)
    if (Object.keys(problems).length > 0) return
    setSaving(true)
    try {
      const body = draftToBody(draft)
      onSaved(draft.id ? await crm.updateConnection(draft.id, body) : await crm.createConnection(body))
    } catch (error) {
      setErrors(issuesByField(error))
      setFormError(errorText(error, t))
    } finally {
      setSaving(false)
    }
  }

  const setValue = (key: string, value: string) =>
    setDraft((d) => ({ ...d, values: { ...d.values, [key]: value } }))
  const title = isNew
    ? t('connectionEditor.addACrmConnection')
    : t('connectionEditor.edit', { name: initial.name })

  return (
    <form
      class="line-settings-form card"
      onSubmit={save}
      aria-labelledby="crm-editor-title"
      data-testid="crm-editor"
      noValidate
    >
      <h2 id="crm-editor-title">{title}</h2>
      <div class="field">
        <label for="crm-name">{t('connectionEditor.name')}</label>
        <input
          id="crm-name"
          value={draft.name}
          data-testid="crm-name"
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={errors.name ? 'crm-name-error' : undefined}
          onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        />
        {errors.name && (
          <p id="crm-name-error" class="form-error">
            {errors.name}
          </p>
        )}
      </div>
      <div class="field">
        <label for="crm-kind">{t('connectionEditor.crmSystem')}</label>
        <select
          id="crm-kind"
          value={draft.kind}
          disabled={!isNew}
          data-testid="crm-kind"
          onChange={(e) =>
            setDraft({
              ...emptyDraft(e.currentTarget.value as CrmKindName),
              name: draft.name,
              leadRules: draft.leadRules,
            })
          }
        >
          {CRM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {crmKindLabel(kind, t)}
            </option>
          ))}
        </select>
      </div>
      {KIND_FIELDS[draft.kind].map((field) => (
        <KindInput
          key={`${draft.kind}-${field.key}`}
          field={field}
          value={draft.values[field.key] ?? ''}
          error={errors[field.key]}
          onChange={(v) => setValue(field.key, v)}
        />
      ))}
      <div class="field-check">
        <input
          id="crm-enabled"
          type="checkbox"
          checked={draft.enabled}
          data-testid="crm-enabled"
          onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
        />
        <label for="crm-enabled">{t('connectionEditor.sendLeadsToThis')}</label>
      </div>
      <LeadRulesEditor
        rules={draft.leadRules}
        lines={lines}
        widgets={widgets}
        error={errors.leadRules}
        onChange={(leadRules) => setDraft({ ...draft, leadRules })}
      />
      <FieldMapEditor
        rows={draft.fieldRows}
        error={errors.fieldMap}
        onChange={(fieldRows) => setDraft({ ...draft, fieldRows })}
      />
      <UserMapEditor
        operators={operators}
        userMap={draft.userMap}
        onChange={(userMap) => setDraft({ ...draft, userMap })}
      />
      {formError && (
        <p class="form-error" role="alert" data-testid="crm-editor-error">
          {formError}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button primary" disabled={saving} data-testid="crm-save">
          {saving ? t('connectionEditor.saving') : t('connectionEditor.save')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('connectionEditor.cancel')}
        </button>
      </div>
    </form>
  )
}

function KindInput(props: {
  field: KindField
  value: string
  error: string | undefined
  onChange(value: string): void
}) {
  const { field, value, error, onChange } = props
  const t = useT()
  const id = `crm-field-${field.key}`
  const describedBy =
    [field.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  if (field.kind === 'checkbox') {
    return (
      <div class="field-check">
        <input
          id={id}
          type="checkbox"
          checked={value === 'true'}
          data-testid={id}
          aria-describedby={field.hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.currentTarget.checked ? 'true' : '')}
        />
        <label for={id}>{t(field.label)}</label>
        {field.hint && (
          <p id={`${id}-hint`} class="hint field-hint">
            {t(field.hint)}
          </p>
        )}
      </div>
    )
  }
  return (
    <div class="field">
      <label for={id}>
        {field.required ? t(field.label) : t('connectionEditor.optional', { label: t(field.label) })}
      </label>
      <input
        id={id}
        // Secrets are shown masked by the server anyway; a text box lets the admin see what they paste.
        type={field.kind === 'url' ? 'url' : 'text'}
        inputMode={field.kind === 'number' ? 'numeric' : undefined}
        autoComplete="off"
        spellcheck={false}
        value={value}
        data-testid={id}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
      {field.hint && (
        <p id={`${id}-hint`} class="hint field-hint">
          {t(field.hint)}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="form-error" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}
