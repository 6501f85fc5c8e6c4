import { type Choice, RadioGroup } from './fields.tsx'
import type { FormContext } from './form-context.ts'

const RULES: readonly Choice[] = [
  {
    value: 'accept-and-reply',
    label: 'Keep the chat open and reply automatically',
    description: 'Visitors can still write; they get the off-hours auto-reply and an operator answers later.',
  },
  {
    value: 'offer-form',
    label: 'Offer the contact form',
    description: 'The chat is replaced by a form for the visitor to leave their contact details.',
  },
  {
    value: 'hide-widget',
    label: 'Hide the chat button',
    description: 'Visitors do not see the chat at all until the line opens again.',
  },
]

export function OffHoursSection({ ctx }: { ctx: FormContext }) {
  return (
    <fieldset class="settings-section" data-testid="line-section-off-hours">
      <legend>
        <h3>Outside working hours</h3>
      </legend>
      <RadioGroup
        ctx={ctx}
        path={['settings', 'offHours']}
        legend="When the line is closed"
        options={RULES}
      />
    </fieldset>
  )
}
