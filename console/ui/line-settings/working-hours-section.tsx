import { type MessageKey, useT } from '../../i18n/index.ts'
import { CheckField, FieldError, SelectField, TextField } from './fields.tsx'
import { type FormContext, fieldId, testIdOf, valueAt } from './form-context.ts'
import { IntervalsEditor } from './intervals-editor.tsx'
import { StringListEditor } from './string-list-editor.tsx'

const HOURS = ['settings', 'workingHours'] as const

export const WEEKDAY_NAMES: readonly (readonly [string, MessageKey])[] = [
  ['mon', 'workingHoursSection.monday'],
  ['tue', 'workingHoursSection.tuesday'],
  ['wed', 'workingHoursSection.wednesday'],
  ['thu', 'workingHoursSection.thursday'],
  ['fri', 'workingHoursSection.friday'],
  ['sat', 'workingHoursSection.saturday'],
  ['sun', 'workingHoursSection.sunday'],
]

/** Every IANA zone the browser knows, plus UTC and the stored zone (which the browser may not list). */
export function timeZoneChoices(known: readonly string[], current: string): string[] {
  return [...new Set(['UTC', current, ...known])].filter(Boolean).sort()
}

export function WorkingHoursSection({ ctx, timeZones }: { ctx: FormContext; timeZones: readonly string[] }) {
  const t = useT()
  const current = valueAt<string>(ctx, [...HOURS, 'timeZone'])
  const zones = timeZoneChoices(timeZones, current).map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))
  const daysOff = valueAt<string[]>(ctx, [...HOURS, 'daysOff']) ?? []
  const exceptions = valueAt<{ date: string }[]>(ctx, [...HOURS, 'exceptions']) ?? []
  const exceptionsPath = [...HOURS, 'exceptions'] as const

  return (
    <fieldset class="settings-section" data-testid="line-section-working-hours">
      <legend>
        <h3>{t('workingHoursSection.workingHours')}</h3>
      </legend>
      <SelectField
        ctx={ctx}
        path={[...HOURS, 'timeZone']}
        label={t('workingHoursSection.timeZone')}
        hint={t('workingHoursSection.hoursBelowAreIn')}
        options={zones}
      />
      <CheckField
        ctx={ctx}
        path={[...HOURS, 'alwaysOpen']}
        label={t('workingHoursSection.openAroundTheClock')}
      />

      <fieldset class="subsection">
        <legend>{t('workingHoursSection.weeklyHours')}</legend>
        <p class="hint">{t('workingHoursSection.timesAreHhMm')}</p>
        {WEEKDAY_NAMES.map(([day, key]) => (
          <fieldset class="weekday" key={day} data-testid={`line-weekday-${day}`}>
            <legend>{t(key)}</legend>
            <IntervalsEditor ctx={ctx} path={[...HOURS, 'weekly', day]} name={t(key)} />
          </fieldset>
        ))}
      </fieldset>

      <fieldset class="subsection" data-testid={testIdOf([...HOURS, 'daysOff'])}>
        <legend>{t('workingHoursSection.daysOff')}</legend>
        <p class="hint">{t('workingHoursSection.closedOnTheseWeekdays')}</p>
        <div class="checkbox-row">
          {WEEKDAY_NAMES.map(([day, key]) => {
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
                <label for={id}>{t(key)}</label>
              </span>
            )
          })}
        </div>
        <FieldError ctx={ctx} path={[...HOURS, 'daysOff']} />
      </fieldset>

      <StringListEditor
        ctx={ctx}
        path={[...HOURS, 'holidays', 'yearly']}
        legend={t('workingHoursSection.yearlyHolidays')}
        hint={t('workingHoursSection.closedOnThisDay')}
        addLabel={t('workingHoursSection.dayAndMonthDd')}
        placeholder="25.12"
      />
      <StringListEditor
        ctx={ctx}
        path={[...HOURS, 'holidays', 'dates']}
        legend={t('workingHoursSection.holidayDates')}
        hint={t('workingHoursSection.closedOnTheseDates')}
        addLabel={t('workingHoursSection.date')}
        inputType="date"
      />

      <fieldset class="subsection" data-testid={testIdOf(exceptionsPath)}>
        <legend>{t('workingHoursSection.specialHoursOnA')}</legend>
        <p class="hint">{t('workingHoursSection.replaceTheWeeklyHours')}</p>
        {exceptions.map((exception, index) => {
          const path = [...exceptionsPath, index] as const
          const name = exception.date || t('workingHoursSection.exceptionN', { n: index + 1 })
          return (
            // The date is edited in place, so the index is the exception's identity.
            <fieldset class="exception" key={index} data-testid="line-exception">
              <legend>
                {exception.date
                  ? t('workingHoursSection.specialHoursOn', { date: exception.date })
                  : t('workingHoursSection.newSpecialHours')}
              </legend>
              <TextField
                ctx={ctx}
                path={[...path, 'date']}
                label={t('workingHoursSection.date')}
                type="date"
              />
              <IntervalsEditor ctx={ctx} path={[...path, 'intervals']} name={name} />
              <button
                type="button"
                class="button small"
                onClick={() => ctx.dispatch({ type: 'remove', path: exceptionsPath, index })}
                data-testid="line-exception-remove"
              >
                {t('workingHoursSection.removeSpecialHours')}
                <span class="sr-only"> {t('workingHoursSection.on', { name })}</span>
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
          {t('workingHoursSection.addSpecialHours')}
        </button>
      </fieldset>
    </fieldset>
  )
}
