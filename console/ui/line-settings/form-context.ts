import type { LineFormAction, LineFormState, Path } from '../../state/index.ts'
import { getIn, pathKey } from '../../state/index.ts'

/** What every field of the line settings form needs: the state, and a way to change it. */
export interface FormContext {
  state: LineFormState
  dispatch(action: LineFormAction): void
}

/** DOM ids and test ids come from the field's path, so they are unique and stable. */
export function fieldId(path: Path): string {
  return `line-${path.join('-')}`
}

export function testIdOf(path: Path): string {
  return `line-field-${path.join('-')}`
}

export function valueAt<T>(ctx: FormContext, path: Path): T {
  return getIn(ctx.state.draft, path) as T
}

export function errorAt(ctx: FormContext, path: Path): string | undefined {
  return ctx.state.errors[pathKey(path)]
}

/** `aria-describedby` for a field: its hint and its error, when present. */
export function describedBy(path: Path, hint: boolean, error: boolean): string | undefined {
  const ids = [hint && `${fieldId(path)}-hint`, error && `${fieldId(path)}-error`].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}
