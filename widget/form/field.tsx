/**
 * One field, accessibly (issue 5 item 3): a real <label>, a visible required mark, help and the
 * server's message tied to the control with aria-describedby, aria-invalid on what is wrong, and
 * radio/checkbox groups as <fieldset> + <legend>. Native controls only, so the keyboard just works.
 */
import type { FieldValue, FormField } from '../../server/forms/form-types.ts'

export interface FieldProps {
  f: FormField
  value: FieldValue | undefined
  error: string | undefined
  texts: Record<string, string>
  set(value: FieldValue): void
  upload(file?: File): void
}

export function Field({ f, value, error, texts, set, upload }: FieldProps) {
  const id = `olf-${f.key}`
  const described = [f.help && `${id}-h`, error && `${id}-e`].filter(Boolean).join(' ') || undefined
  const a = { 'aria-invalid': error ? ('true' as const) : undefined }
  const label = (
    <>
      {f.label}
      {f.required && <span aria-hidden="true"> *</span>}
    </>
  )
  const notes = (
    <>
      {f.help && <small id={`${id}-h`}>{f.help}</small>}
      {error && (
        <small class="ol-err" id={`${id}-e`}>
          {error}
        </small>
      )}
    </>
  )
  const t = f.type
  if (t === 'radio' || t === 'checkboxes') {
    const list = Array.isArray(value) ? value : []
    return (
      <fieldset class="ol-f" aria-describedby={described}>
        <legend>{label}</legend>
        {f.options?.map((o) => (
          <label class="ol-opt" key={o.value}>
            <input
              {...a}
              type={t === 'radio' ? 'radio' : 'checkbox'}
              name={id}
              value={o.value}
              checked={t === 'radio' ? value === o.value : list.includes(o.value)}
              onChange={(e) =>
                set(
                  t === 'radio'
                    ? o.value
                    : e.currentTarget.checked
                      ? [...list, o.value]
                      : list.filter((x) => x !== o.value),
                )
              }
            />
            {o.label}
          </label>
        ))}
        {notes}
      </fieldset>
    )
  }
  const common = { ...a, id, 'aria-describedby': described, required: f.required }
  const text = String(value ?? '')
  return t === 'consent' ? (
    <div class="ol-f">
      <label class="ol-opt">
        <input
          {...common}
          type="checkbox"
          checked={value === true}
          onChange={(e) => set(e.currentTarget.checked)}
        />
        {label}
      </label>
      {notes}
    </div>
  ) : (
    <div class="ol-f">
      <label for={id}>{label}</label>
      {t === 'select' ? (
        <select {...common} class="ol-input" value={text} onChange={(e) => set(e.currentTarget.value)}>
          <option value="">{texts['form.choose']}</option>
          {f.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : t === 'longText' ? (
        <textarea
          {...common}
          class="ol-input"
          rows={4}
          placeholder={f.placeholder}
          value={text}
          onInput={(e) => set(e.currentTarget.value)}
        />
      ) : t === 'file' ? (
        <input {...common} type="file" onChange={(e) => upload(e.currentTarget.files?.[0])} />
      ) : (
        <input
          {...common}
          class="ol-input"
          type={t === 'phone' ? 'tel' : t === 'email' || t === 'date' ? t : 'text'}
          autoComplete={t === 'email' ? t : t === 'phone' ? 'tel' : undefined}
          placeholder={f.placeholder}
          value={text}
          onInput={(e) => set(e.currentTarget.value)}
        />
      )}
      {notes}
    </div>
  )
}
