import { CheckField, FieldError, SelectField, TextField } from './fields.tsx'
import { type FormContext, fieldId, testIdOf, valueAt } from './form-context.ts'
import { IntervalsEditor } from './intervals-editor.tsx'
import { StringListEditor } from './string-list-editor.tsx'

const HOURS = ['settings', 'workingHours'] as const

export const WEEKDAY_NAMES = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
] as const

/** Every IANA zone the browser knows, plus UTC and the stored zone (which the browser may not list). */
export function timeZoneChoices(known: readonly string[], current: string): string[] {
  return [...new Set(['UTC', current, ...known])].filter(Boolean).sort()
}

export function WorkingHoursSection({ ctx, timeZones }: { ctx: FormContext; timeZones: readonly string[] }) {
  const current = valueAt<string>(ctx, [...HOURS, 'timeZone'])
  const zones = timeZoneChoices(timeZones, current).map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))
  const daysOff = valueAt<string[]>(ctx, [...HOURS, 'daysOff']) ?? []
  const exceptions = valueAt<{ date: string }[]>(ctx, [...HOURS, 'exceptions']) ?? []
  const exceptionsPath = [...HOURS, 'exceptions'] as const

  return (
    <fieldset class="settings-section" data-testid="line-section-working-hours">
      <legend>
        <h3>Working hours</h3>
      </legend>
      <SelectField
        ctx={ctx}
        path={[...HOURS, 'timeZone']}
        label="Time zone"
        hint="Hours below are in this zone; daylight saving time is followed automatically."
        options={zones}
      />
      <CheckField
        ctx={ctx}
        path={[...HOURS, 'alwaysOpen']}
        label="Open around the clock (ignore everything below)"
      />

      <fieldset class="subsection">
        <legend>Weekly hours</legend>
        <p class="hint">
          Times are HH:MM. A closing time earlier than the opening time runs past midnight; 24:00 is the end
          of the day.
        </p>
        {WEEKDAY_NAMES.map(([day, name]) => (
          <fieldset class="weekday" key={day} data-testid={`line-weekday-${day}`}>
            <legend>{name}</legend>
            <IntervalsEditor ctx={ctx} path={[...HOURS, 'weekly', day]} name={name} />
          </fieldset>
        ))}
      </fieldset>

      <fieldset class="subsection" data-testid={testIdOf([...HOURS, 'daysOff'])}>
        <legend>Days off</legend>
        <p class="hint">Closed on these weekdays even when hours are set above.</p>
        <div class="checkbox-row">
          {WEEKDAY_NAMES.map(([day, name]) => {
            const id = `${fieldId([...HOURS, 'daysOff'])}-${day}`
            return (
              <span class="field-check" key={day}>
                <input
                  type="checkbox"
                  id={id}
                  checked={daysOff.includes(day)}
                  onChange={() => ctx.dispatch({ type: 'toggle', path: [...HOURS, 'daysOff'], value: day })}
                  data-testid={`line-day-off-${day}`}
                />
                <label for={id}>{name}</label>
              </span>
            )
          })}
        </div>
        <FieldError ctx={ctx} path={[...HOURS, 'daysOff']} />
      </fieldset>

      <StringListEditor
        ctx={ctx}
        path={[...HOURS, 'holidays', 'yearly']}
        legend="Yearly holidays"
        hint="Closed on this day every year, written DD.MM (25.12 is Christmas Day)."
        addLabel="Day and month (DD.MM)"
        placeholder="25.12"
      />
      <StringListEditor
        ctx={ctx}
        path={[...HOURS, 'holidays', 'dates']}
        legend="Holiday dates"
        hint="Closed on these dates only."
        addLabel="Date"
        inputType="date"
      />

      <fieldset class="subsection" data-testid={testIdOf(exceptionsPath)}>
        <legend>Special hours on a date</legend>
        <p class="hint">Replace the weekly hours on one date (no hours = closed). They win over holidays.</p>
        {exceptions.map((exception, index) => {
          const path = [...exceptionsPath, index] as const
          const name = exception.date || `exception ${index + 1}`
          return (
            // The date is edited in place, so the index is the exception's identity.
            <fieldset class="exception" key={index} data-testid="line-exception">
              <legend>{exception.date ? `Special hours on ${exception.date}` : `New special hours`}</legend>
              <TextField ctx={ctx} path={[...path, 'date']} label="Date" type="date" />
              <IntervalsEditor ctx={ctx} path={[...path, 'intervals']} name={name} />
              <button
                type="button"
                class="button small"
                onClick={() => ctx.dispatch({ type: 'remove', path: exceptionsPath, index })}
                data-testid="line-exception-remove"
              >
                Remove special hours<span class="sr-only"> on {name}</span>
              </button>
            </fieldset>
          )
        })}
        <FieldError ctx={ctx} path={exceptionsPath} />
        <button
          type="button"
          class="button small"
          onClick={() =>
            ctx.dispatch({ type: 'insert', path: exceptionsPath, value: { date: '', intervals: [] } })
          }
          data-testid="line-exception-add"
        >
          Add special hours
        </button>
      </fieldset>
    </fieldset>
  )
}
