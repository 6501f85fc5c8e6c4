/** Labelled inputs bound to a path of the line settings draft, each showing its own server error. */
import type { ComponentChildren } from 'preact'
import type { Path } from '../../state/index.ts'
import { describedBy, errorAt, type FormContext, fieldId, testIdOf, valueAt } from './form-context.ts'

interface FieldProps {
  ctx: FormContext
  path: Path
  label: ComponentChildren
  hint?: ComponentChildren
  /** Extra ids for aria-describedby (e.g. shared help text). */
  describe?: string
}

export function FieldError({ ctx, path }: { ctx: FormContext; path: Path }) {
  const error = errorAt(ctx, path)
  if (!error) return null
  return (
    <p id={`${fieldId(path)}-error`} class="form-error" data-testid={`${testIdOf(path)}-error`}>
      {error}
    </p>
  )
}

function Hint({ path, hint }: { path: Path; hint: ComponentChildren }) {
  return hint ? (
    <p id={`${fieldId(path)}-hint`} class="hint field-hint">
      {hint}
    </p>
  ) : null
}

function aria(ctx: FormContext, path: Path, hint: unknown, describe?: string) {
  const error = Boolean(errorAt(ctx, path))
  const ids = [describedBy(path, Boolean(hint), error), describe].filter(Boolean).join(' ')
  return { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': ids || undefined }
}

export function TextField(props: FieldProps & { multiline?: boolean; placeholder?: string; type?: string }) {
  const { ctx, path, label, hint, multiline, placeholder, describe, type = 'text' } = props
  const id = fieldId(path)
  const value = valueAt<string>(ctx, path) ?? ''
  const onInput = (event: Event) =>
    ctx.dispatch({ type: 'set', path, value: (event.currentTarget as HTMLInputElement).value })
  const common = {
    id,
    value,
    onInput,
    placeholder,
    'data-testid': testIdOf(path),
    ...aria(ctx, path, hint, describe),
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type={type} />}
      <Hint path={path} hint={hint} />
      <FieldError ctx={ctx} path={path} />
    </div>
  )
}

export function NumberField(props: FieldProps & { min?: number; max?: number }) {
  const { ctx, path, label, hint, min, max, describe } = props
  const id = fieldId(path)
  const value = valueAt<number>(ctx, path)
  return (
    <div class="field field-number">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        value={Number.isFinite(value) ? String(value) : ''}
        onInput={(event) => {
          const text = event.currentTarget.value
          // An empty box is sent as null so the server names the field instead of a default hiding it.
          ctx.dispatch({ type: 'set', path, value: text === '' ? null : Number(text) })
        }}
        data-testid={testIdOf(path)}
        {...aria(ctx, path, hint, describe)}
      />
      <Hint path={path} hint={hint} />
      <FieldError ctx={ctx} path={path} />
    </div>
  )
}

export function CheckField({ ctx, path, label, hint }: FieldProps) {
  const id = fieldId(path)
  return (
    <div class="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={valueAt<boolean>(ctx, path) === true}
        onChange={(event) => ctx.dispatch({ type: 'set', path, value: event.currentTarget.checked })}
        data-testid={testIdOf(path)}
        {...aria(ctx, path, hint)}
      />
      <label for={id}>{label}</label>
      <Hint path={path} hint={hint} />
      <FieldError ctx={ctx} path={path} />
    </div>
  )
}

export interface Choice {
  value: string
  label: string
  description?: string
}

export function SelectField({
  ctx,
  path,
  label,
  hint,
  options,
}: FieldProps & { options: readonly Choice[] }) {
  const id = fieldId(path)
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={valueAt<string>(ctx, path)}
        onChange={(event) => ctx.dispatch({ type: 'set', path, value: event.currentTarget.value })}
        data-testid={testIdOf(path)}
        {...aria(ctx, path, hint)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint path={path} hint={hint} />
      <FieldError ctx={ctx} path={path} />
    </div>
  )
}

/** Radio buttons in a fieldset; each option's explanation is tied to it with aria-describedby. */
export function RadioGroup({
  ctx,
  path,
  legend,
  options,
}: Omit<FieldProps, 'label'> & {
  legend: string
  options: readonly Choice[]
}) {
  const current = valueAt<string>(ctx, path)
  const name = fieldId(path)
  return (
    <fieldset class="radio-group" data-testid={testIdOf(path)}>
      <legend>{legend}</legend>
      {options.map((o) => {
        const id = `${name}-${o.value}`
        return (
          <div class="radio-option" key={o.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={current === o.value}
              onChange={() => ctx.dispatch({ type: 'set', path, value: o.value })}
              aria-describedby={o.description ? `${id}-description` : undefined}
              data-testid={`${testIdOf(path)}-${o.value}`}
            />
            <label for={id}>{o.label}</label>
            {o.description && (
              <p id={`${id}-description`} class="hint option-description">
                {o.description}
              </p>
            )}
          </div>
        )
      })}
      <FieldError ctx={ctx} path={path} />
    </fieldset>
  )
}
