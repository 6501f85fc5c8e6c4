/**
 * A form's sections and fields as the visitor sees them (issue 5 item 3): the one renderer behind
 * the form panel, the pre-chat form and the extra callback fields. Conditions are re-evaluated on
 * every render with the same zod-free evaluator the server uses.
 */
import { isEmpty, visibleKeys } from '../../server/forms/conditions.ts'
import type { FieldValue, FormDefinition } from '../../server/forms/form-types.ts'
import { Field } from './field.tsx'

export type Values = Record<string, FieldValue>

/** What a submission sends: the visible fields that have a value (hidden ones included). */
export function answers(def: FormDefinition, values: Values): Values {
  const sent: Values = {}
  for (const k of visibleKeys(def, values)) if (!isEmpty(values[k])) sent[k] = values[k]!
  return sent
}

export interface FormFieldsProps {
  def: FormDefinition
  values: Values
  errors: Record<string, string>
  texts: Record<string, string>
  set(key: string, value: FieldValue): void
  upload(key: string, file?: File): void
}

export function FormFields({ def, values, errors, texts, set, upload }: FormFieldsProps) {
  const shown = visibleKeys(def, values)
  const fields = (s: FormDefinition['sections'][number]) =>
    s.fields.filter((f) => shown.has(f.key) && f.type !== 'hidden')
  return (
    <>
      {def.sections.map((s) =>
        fields(s).length ? (
          <div key={s.key} class="ol-fs">
            {s.title && <p class="ol-sec">{s.title}</p>}
            {s.description && <p>{s.description}</p>}
            {fields(s).map((f) => (
              <Field
                key={f.key}
                f={f}
                value={values[f.key]}
                error={errors[f.key]}
                texts={texts}
                set={(v) => set(f.key, v)}
                upload={(file) => upload(f.key, file)}
              />
            ))}
          </div>
        ) : null,
      )}
    </>
  )
}
