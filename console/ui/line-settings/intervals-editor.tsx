import { useT } from '../../i18n/index.ts'
import type { Path } from '../../state/index.ts'
import { FieldError, TextField } from './fields.tsx'
import { type FormContext, testIdOf, valueAt } from './form-context.ts'

interface Interval {
  from: string
  to: string
}

/** Opening hours of one day (or one exception): any number of from–to intervals. */
export function IntervalsEditor({ ctx, path, name }: { ctx: FormContext; path: Path; name: string }) {
  const t = useT()
  const intervals = valueAt<Interval[]>(ctx, path) ?? []
  return (
    <div class="intervals" data-testid={testIdOf(path)}>
      {intervals.length === 0 && <p class="hint">{t('intervalsEditor.closed')}</p>}
      {intervals.map((_, index) => (
        // Intervals have no identity of their own; the index is their address in the draft.
        <div class="interval" key={index}>
          <TextField
            ctx={ctx}
            path={[...path, index, 'from']}
            label={
              <>
                {t('intervalsEditor.opens')}
                <span class="sr-only"> {t('intervalsEditor.hoursOf', { name, n: index + 1 })}</span>
              </>
            }
            placeholder="09:00"
          />
          <TextField
            ctx={ctx}
            path={[...path, index, 'to']}
            label={
              <>
                {t('intervalsEditor.closes')}
                <span class="sr-only"> {t('intervalsEditor.hoursOf', { name, n: index + 1 })}</span>
              </>
            }
            placeholder="18:00"
          />
          <button
            type="button"
            class="button small"
            onClick={() => ctx.dispatch({ type: 'remove', path, index })}
            aria-label={t('intervalsEditor.removeHours', { name, n: index + 1 })}
            data-testid={`${testIdOf(path)}-remove`}
          >
            {t('intervalsEditor.remove')}
          </button>
        </div>
      ))}
      <FieldError ctx={ctx} path={path} />
      <button
        type="button"
        class="button small"
        onClick={() => ctx.dispatch({ type: 'insert', path, value: { from: '09:00', to: '18:00' } })}
        aria-label={t('intervalsEditor.addHoursTo', { name })}
        data-testid={`${testIdOf(path)}-add`}
      >
        {t('intervalsEditor.addHours')}
      </button>
    </div>
  )
}
