/**
 * Add or edit one quick answer. The server validates (shortcut pattern, lengths); its issues are
 * shown next to their fields, anything else above the buttons.
 */
import { useState } from 'preact/hooks'
import { ApiError, type QuickAnswer, type QuickAnswersApi } from '../../api/index.ts'
import { useT } from '../../i18n/index.ts'
import {
  draftToInput,
  draftToPatch,
  issuesByField,
  type QuickAnswerDraft,
  type QuickAnswerField,
  SCOPE_LABELS,
} from '../../state/quick-answers-admin.ts'
import { errorText } from '../error-text.ts'

export interface QuickAnswerEditorProps {
  calls: QuickAnswersApi
  initial: QuickAnswerDraft
  /** The stored answer when editing, to send only what changed. */
  original: QuickAnswer | null
  /** Admins may pick "everyone in the workspace"; others only add personal answers. */
  canChooseScope: boolean
  onSaved(answer: QuickAnswer): void
  onCancel(): void
}

type Errors = Partial<Record<QuickAnswerField, string>>

export function QuickAnswerEditor(props: QuickAnswerEditorProps) {
  const t = useT()
  const { calls, initial, original } = props
  const [draft, setDraft] = useState(initial)
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function save(event: Event) {
    event.preventDefault()
    setErrors({})
    setFormError(null)
    if (original) {
      const patch = draftToPatch(draft, original)
      if (!patch) return props.onCancel()
      return submit(() => calls.updateQuickAnswer(original.id, patch))
    }
    return submit(() => calls.createQuickAnswer(draftToInput(draft)))
  }

  async function submit(call: () => Promise<QuickAnswer>) {
    setSaving(true)
    try {
      props.onSaved(await call())
    } catch (e) {
      const byField = issuesByField(e instanceof ApiError ? e.issues : undefined)
      setErrors(byField)
      // The field messages say it all; a summary would only repeat "does not match the schema".
      setFormError(Object.keys(byField).length > 0 ? t('quickAnswerEditor.correctMarked') : errorText(e, t))
    } finally {
      setSaving(false)
    }
  }

  const set = (field: 'shortcut' | 'title' | 'text', value: string) =>
    setDraft((d) => ({ ...d, [field]: value }))
  const heading = original
    ? t('quickAnswerEditor.edit', { shortcut: original.shortcut })
    : t('quickAnswerEditor.addAQuickAnswer')

  return (
    <form
      class="qa-editor card"
      onSubmit={save}
      aria-labelledby="qa-editor-title"
      data-testid="qa-editor"
      noValidate
    >
      <h2 id="qa-editor-title">{heading}</h2>
      {!original && props.canChooseScope && (
        <fieldset class="radio-group">
          <legend>{t('quickAnswerEditor.whoCanUseIt')}</legend>
          {(['personal', 'workspace'] as const).map((scope) => (
            <label key={scope} class="radio-option">
              <input
                type="radio"
                name="qa-scope"
                value={scope}
                checked={draft.scope === scope}
                data-testid={`qa-scope-${scope}`}
                onChange={() => setDraft((d) => ({ ...d, scope }))}
              />
              {t(SCOPE_LABELS[scope])}
            </label>
          ))}
          <FieldError field="scope" errors={errors} />
        </fieldset>
      )}
      <TextField
        field="shortcut"
        label={t('quickAnswerEditor.shortcut')}
        hint={t('quickAnswerEditor.typedAfterInThe')}
        value={draft.shortcut}
        errors={errors}
        onInput={(v) => set('shortcut', v)}
      />
      <TextField
        field="title"
        label={t('quickAnswerEditor.title')}
        hint={t('quickAnswerEditor.shownNextToThe')}
        value={draft.title}
        errors={errors}
        onInput={(v) => set('title', v)}
      />
      <TextField
        field="text"
        label={t('quickAnswerEditor.text')}
        hint={t('quickAnswerEditor.whatIsSentTo')}
        value={draft.text}
        errors={errors}
        multiline
        onInput={(v) => set('text', v)}
      />
      {formError && (
        <p class="form-error" role="alert" data-testid="qa-form-error">
          {formError}
        </p>
      )}
      <div class="qa-editor-actions">
        <button type="submit" class="button primary" disabled={saving} data-testid="qa-save">
          {saving ? t('common.saving') : t('quickAnswerEditor.save')}
        </button>
        <button type="button" class="button" onClick={props.onCancel} data-testid="qa-cancel">
          {t('quickAnswerEditor.cancel')}
        </button>
      </div>
    </form>
  )
}

interface TextFieldProps {
  field: 'shortcut' | 'title' | 'text'
  label: string
  hint: string
  value: string
  errors: Errors
  multiline?: boolean
  onInput(value: string): void
}

function TextField({ field, label, hint, value, errors, multiline, onInput }: TextFieldProps) {
  const id = `qa-${field}`
  const error = errors[field]
  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`
  const common = {
    id,
    value,
    'data-testid': id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={4} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input {...common} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
      <p id={`${id}-hint`} class="field-hint hint">
        {hint}
      </p>
      <FieldError field={field} errors={errors} />
    </div>
  )
}

function FieldError({ field, errors }: { field: QuickAnswerField; errors: Errors }) {
  const error = errors[field]
  if (!error) return null
  return (
    <p id={`qa-${field}-error`} class="form-error" data-testid={`qa-${field}-error`}>
      {error}
    </p>
  )
}
