import { type Translate, useT } from '../../i18n/index.ts'
import { type Choice, RadioGroup } from './fields.tsx'
import type { FormContext } from './form-context.ts'

const rules = (t: Translate): readonly Choice[] => [
  {
    value: 'accept-and-reply',
    label: t('offHoursSection.acceptAndReply'),
    description: t('offHoursSection.acceptAndReplyHint'),
  },
  {
    value: 'offer-form',
    label: t('offHoursSection.offerForm'),
    description: t('offHoursSection.offerFormHint'),
  },
  {
    value: 'hide-widget',
    label: t('offHoursSection.hideWidget'),
    description: t('offHoursSection.hideWidgetHint'),
  },
]

export function OffHoursSection({ ctx }: { ctx: FormContext }) {
  const t = useT()
  return (
    <fieldset class="settings-section" data-testid="line-section-off-hours">
      <legend>
        <h3>{t('offHoursSection.outsideWorkingHours')}</h3>
      </legend>
      <RadioGroup
        ctx={ctx}
        path={['settings', 'offHours']}
        legend={t('offHoursSection.whenTheLineIs')}
        options={rules(t)}
      />
    </fieldset>
  )
}
