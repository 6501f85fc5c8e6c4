/**
 * A live preview of the form being built (issue 5 item 3): filling it in runs the same pure
 * condition evaluator as the widget and the server (server/forms/conditions.ts), so the admin sees
 * fields appear and disappear exactly as a visitor will. Nothing is submitted.
 */
import { useMemo, useState } from 'preact/hooks'
import { visibleKeys } from '../../../server/forms/conditions.ts'
import type { FieldValue, FormDefinition, FormField, FormValues } from '../../../server/forms/form-types.ts'
import { useT } from '../../i18n/index.ts'
import { defaultValues } from '../../state/index.ts'

export function FormPreview({ definition }: { definition: FormDefinition }) {
  const t = useT()
  const [values, setValues] = useState<FormValues>(() => defaultValues(definition))
  const shown = useMemo(() => visibleKeys(definition, values), [definition, values])
  const set = (key: string, value: FieldValue | null) => setValues((v) => ({ ...v, [key]: value }))
  return (
    <section class="form-preview card" aria-labelledby="form-preview-title" data-testid="form-preview">
      <h2 id="form-preview-title">{t('formPreview.preview')}</h2>
      {definition.title && <p class="preview-title">{definition.title}</p>}
      {definition.description && <p class="hint">{definition.description}</p>}
      {definition.sections.map((section) => {
        const fields = section.fields.filter((f) => shown.has(f.key) && f.type !== 'hidden')
        if (fields.length === 0) return null
        return (
          <div class="preview-section" key={section.key}>
            {section.title && <p class="preview-section-title">{section.title}</p>}
            {fields.map((f) => (
              <PreviewField key={f.key} field={f} value={values[f.key]} onChange={(v) => set(f.key, v)} />
            ))}
          </div>
        )
      })}
      <button type="button" class="button primary" disabled>
        {definition.submitLabel || t('formPreview.send')}
      </button>
      <p class="hint">{t('formPreview.tryItFillingIn')}</p>
      <button
        type="button"
        class="link-button"
        onClick={() => setValues(defaultValues(definition))}
        data-testid="form-preview-reset"
      >
        {t('formPreview.clearThePreview')}
      </button>
    </section>
  )
}

function PreviewField({
  field,
  value,
  onChange,
}: {
  field: FormField
  value: FieldValue | null | undefined
  onChange(value: FieldValue | null): void
}) {
  const id = `preview-${field.key}`
  const help = field.help ? <p class="hint field-hint">{field.help}</p> : null
  const label = (
    <>
      {field.label}
      {field.required && <span aria-hidden="true"> *</span>}
    </>
  )
  const text = value == null ? '' : String(value)
  const testId = `form-preview-field-${field.key}`
  if (field.type === 'consent')
    return (
      <div class="field field-check" data-testid={testId}>
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <label for={id}>{label}</label>
        {help}
      </div>
    )
  if (field.type === 'radio' || field.type === 'checkboxes') {
    const list = Array.isArray(value) ? value : []
    return (
      <fieldset class="radio-group" data-testid={testId}>
        <legend>{label}</legend>
        {(field.options ?? []).map((o) => (
          <div class="radio-option" key={o.value}>
            <input
              id={`${id}-${o.value}`}
              type={field.type === 'radio' ? 'radio' : 'checkbox'}
              name={id}
              checked={field.type === 'radio' ? value === o.value : list.includes(o.value)}
              onChange={(e) =>
                onChange(
                  field.type === 'radio'
                    ? o.value
                    : e.currentTarget.checked
                      ? [...list, o.value]
                      : list.filter((x) => x !== o.value),
                )
              }
              data-testid={`${testId}-${o.value}`}
            />
            <label for={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
        {help}
      </fieldset>
    )
  }
  let input = null
  if (field.type === 'select')
    input = (
      <select
        id={id}
        value={text}
        onChange={(e) => onChange(e.currentTarget.value || null)}
        data-testid={`${testId}-input`}
      >
        <option value="">—</option>
        {(field.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    )
  else if (field.type === 'longText')
    input = (
      <textarea
        id={id}
        rows={3}
        value={text}
        placeholder={field.placeholder}
        onInput={(e) => onChange(e.currentTarget.value)}
        data-testid={`${testId}-input`}
      />
    )
  else
    input = (
      <input
        id={id}
        type={INPUT_TYPES[field.type] ?? 'text'}
        value={field.type === 'file' ? undefined : text}
        placeholder={field.placeholder}
        onInput={(e) => onChange(e.currentTarget.value)}
        data-testid={`${testId}-input`}
      />
    )
  return (
    <div class="field" data-testid={testId}>
      <label for={id}>{label}</label>
      {input}
      {help}
    </div>
  )
}

const INPUT_TYPES: Partial<Record<FormField['type'], string>> = {
  email: 'email',
  phone: 'tel',
  number: 'number',
  date: 'date',
  file: 'file',
}
