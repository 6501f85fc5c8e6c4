import type { Path } from '../../state/index.ts'
import { FieldError, TextField } from './fields.tsx'
import { type FormContext, testIdOf, valueAt } from './form-context.ts'

interface Interval {
  from: string
  to: string
}

/** Opening hours of one day (or one exception): any number of from–to intervals. */
export function IntervalsEditor({ ctx, path, name }: { ctx: FormContext; path: Path; name: string }) {
  const intervals = valueAt<Interval[]>(ctx, path) ?? []
  return (
    <div class="intervals" data-testid={testIdOf(path)}>
      {intervals.length === 0 && <p class="hint">Closed</p>}
      {intervals.map((_, index) => (
        // Intervals have no identity of their own; the index is their address in the draft.
        <div class="interval" key={index}>
          <TextField
            ctx={ctx}
            path={[...path, index, 'from']}
            label={
              <>
                Opens
                <span class="sr-only">
                  {' '}
                  ({name}, hours {index + 1})
                </span>
              </>
            }
            placeholder="09:00"
          />
          <TextField
            ctx={ctx}
            path={[...path, index, 'to']}
            label={
              <>
                Closes
                <span class="sr-only">
                  {' '}
                  ({name}, hours {index + 1})
                </span>
              </>
            }
            placeholder="18:00"
          />
          <button
            type="button"
            class="button small"
            onClick={() => ctx.dispatch({ type: 'remove', path, index })}
            aria-label={`Remove hours ${index + 1} of ${name}`}
            data-testid={`${testIdOf(path)}-remove`}
          >
            Remove
          </button>
        </div>
      ))}
      <FieldError ctx={ctx} path={path} />
      <button
        type="button"
        class="button small"
        onClick={() => ctx.dispatch({ type: 'insert', path, value: { from: '09:00', to: '18:00' } })}
        aria-label={`Add hours to ${name}`}
        data-testid={`${testIdOf(path)}-add`}
      >
        Add hours
      </button>
    </div>
  )
}
