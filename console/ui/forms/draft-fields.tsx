/**
 * Labelled inputs bound to a path of a draft (forms-draft.ts), each showing the server's error for
 * that path. Shared by the form builder and the widget settings page (issue 5).
 */
import type { ComponentChildren } from 'preact'
import { useT } from '../../i18n/index.ts'
import { type DraftAction, type DraftState, getIn, type Path, pathKey } from '../../state/index.ts'

export interface DraftCtx<D = unknown> {
  state: DraftState<D>
  dispatch(action: DraftAction<D>): void
  /** Prefix of DOM ids and test ids, e.g. `form` → `form-sections-0-label`. */
  prefix: string
}

export const idOf = (ctx: DraftCtx, path: Path): string => `${ctx.prefix}-${path.join('-')}`
export const valueAt = <T,>(ctx: DraftCtx, path: Path): T => getIn(ctx.state.draft, path) as T
export const errorAt = (ctx: DraftCtx, path: Path): string | undefined => ctx.state.errors[pathKey(path)]

interface FieldProps {
  ctx: DraftCtx
  path: Path
  label: ComponentChildren
  hint?: ComponentChildren
}

export function DraftError({ ctx, path }: { ctx: DraftCtx; path: Path }) {
  const error = errorAt(ctx, path)
  if (!error) return null
  return (
    <p id={`${idOf(ctx, path)}-error`} class="form-error" data-testid={`${idOf(ctx, path)}-error`}>
      {error}
    </p>
  )
}

function aria(ctx: DraftCtx, path: Path, hint: unknown) {
  const error = Boolean(errorAt(ctx, path))
  const id = idOf(ctx, path)
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': ids || undefined }
}

function Hint({ ctx, path, hint }: { ctx: DraftCtx; path: Path; hint: ComponentChildren }) {
  return hint ? (
    <p id={`${idOf(ctx, path)}-hint`} class="hint field-hint">
      {hint}
    </p>
  ) : null
}

/** Text input; an emptied optional text is removed (undefined) rather than sent as "". */
export function DraftText(
  props: FieldProps & { multiline?: boolean; type?: string; placeholder?: string; keepEmpty?: boolean },
) {
  const { ctx, path, label, hint, multiline, type = 'text', placeholder, keepEmpty } = props
  const id = idOf(ctx, path)
  const value = valueAt<string | number | undefined>(ctx, path)
  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLInputElement).value
    ctx.dispatch({ type: 'set', path, value: text === '' && !keepEmpty ? undefined : text })
  }
  const common = { id, value: value == null ? '' : String(value), onInput, placeholder, 'data-testid': id }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} {...aria(ctx, path, hint)} />
      ) : (
        <input {...common} type={type} {...aria(ctx, path, hint)} />
      )}
      <Hint ctx={ctx} path={path} hint={hint} />
      <DraftError ctx={ctx} path={path} />
    </div>
  )
}

export function DraftNumber(props: FieldProps & { min?: number; max?: number; step?: number }) {
  const { ctx, path, label, hint, min, max, step = 1 } = props
  const id = idOf(ctx, path)
  const value = valueAt<number | undefined>(ctx, path)
  return (
    <div class="field field-number">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        step={step}
        min={min}
        max={max}
        value={typeof value === 'number' && Number.isFinite(value) ? String(value) : ''}
        onInput={(event) => {
          const text = event.currentTarget.value
          ctx.dispatch({ type: 'set', path, value: text === '' ? undefined : Number(text) })
        }}
        data-testid={id}
        {...aria(ctx, path, hint)}
      />
      <Hint ctx={ctx} path={path} hint={hint} />
      <DraftError ctx={ctx} path={path} />
    </div>
  )
}

export function DraftCheck({ ctx, path, label, hint }: FieldProps) {
  const id = idOf(ctx, path)
  return (
    <div class="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={valueAt<boolean>(ctx, path) === true}
        onChange={(event) => ctx.dispatch({ type: 'set', path, value: event.currentTarget.checked })}
        data-testid={id}
        {...aria(ctx, path, hint)}
      />
      <label for={id}>{label}</label>
      <Hint ctx={ctx} path={path} hint={hint} />
      <DraftError ctx={ctx} path={path} />
    </div>
  )
}

export interface Choice {
  value: string
  label: string
}

export function DraftSelect(
  props: FieldProps & { options: readonly Choice[]; onPick?(value: string): void },
) {
  const { ctx, path, label, hint, options, onPick } = props
  const id = idOf(ctx, path)
  const value = valueAt<string | undefined>(ctx, path)
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => {
          const next = event.currentTarget.value
          if (onPick) onPick(next)
          else ctx.dispatch({ type: 'set', path, value: next })
        }}
        data-testid={id}
        {...aria(ctx, path, hint)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint ctx={ctx} path={path} hint={hint} />
      <DraftError ctx={ctx} path={path} />
    </div>
  )
}

/** Up / down / remove buttons of one item in a list at `listPath`. */
export function ItemActions({
  ctx,
  listPath,
  index,
  count,
  name,
}: {
  ctx: DraftCtx
  listPath: Path
  index: number
  count: number
  name: string
}) {
  const t = useT()
  const id = idOf(ctx, [...listPath, index])
  return (
    <span class="item-actions">
      <button
        type="button"
        class="button small"
        disabled={index === 0}
        onClick={() => ctx.dispatch({ type: 'move', path: listPath, index, by: -1 })}
        data-testid={`${id}-up`}
      >
        {t('draftFields.up')}
        <span class="sr-only"> {name}</span>
      </button>
      <button
        type="button"
        class="button small"
        disabled={index === count - 1}
        onClick={() => ctx.dispatch({ type: 'move', path: listPath, index, by: 1 })}
        data-testid={`${id}-down`}
      >
        {t('draftFields.down')}
        <span class="sr-only"> {name}</span>
      </button>
      <button
        type="button"
        class="button small danger"
        onClick={() => ctx.dispatch({ type: 'remove', path: listPath, index })}
        data-testid={`${id}-remove`}
      >
        {t('draftFields.remove')}
        <span class="sr-only"> {name}</span>
      </button>
    </span>
  )
}
