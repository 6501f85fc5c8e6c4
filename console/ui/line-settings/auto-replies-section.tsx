import { T, useT } from '../../i18n/index.ts'
import { CheckField, NumberField, SelectField, TextField } from './fields.tsx'
import type { FormContext } from './form-context.ts'

const REPLIES = ['settings', 'autoReplies'] as const
const HELP_ID = 'line-auto-replies-placeholders'

export function AutoRepliesSection({ ctx }: { ctx: FormContext }) {
  const t = useT()
  const text = (reply: string) => (
    <TextField
      ctx={ctx}
      path={[...REPLIES, reply, 'text']}
      label={t('autoRepliesSection.text')}
      multiline
      describe={HELP_ID}
    />
  )
  return (
    <fieldset class="settings-section" data-testid="line-section-auto-replies">
      <legend>
        <h3>{t('autoRepliesSection.autoReplies')}</h3>
      </legend>
      <div id={HELP_ID} class="hint placeholders-help" data-testid="line-placeholders-help">
        <p>{t('autoRepliesSection.textsMayUsePlaceholders')}</p>
        <ul>
          <li>
            <T k="autoRepliesSection.theVisitorSName" slots={{ code: <code>{'{visitor_name}'}</code> }} />
          </li>
          <li>
            <T k="autoRepliesSection.theNameOfThis" slots={{ code: <code>{'{line_name}'}</code> }} />
          </li>
          <li>
            <T k="autoRepliesSection.whenTheLineOpens" slots={{ code: <code>{'{next_opening}'}</code> }} />
          </li>
        </ul>
        <p>
          <T
            k="autoRepliesSection.addAFallbackAfter"
            slots={{ code: <code>{t('autoRepliesSection.fallbackExample')}</code> }}
          />
        </p>
      </div>

      <fieldset class="subsection">
        <legend>{t('autoRepliesSection.welcome')}</legend>
        <CheckField
          ctx={ctx}
          path={[...REPLIES, 'welcome', 'enabled']}
          label={t('autoRepliesSection.sendAWelcomeMessage')}
        />
        <SelectField
          ctx={ctx}
          path={[...REPLIES, 'welcome', 'when']}
          label={t('autoRepliesSection.sendIt')}
          options={[
            { value: 'first-message', label: t('autoRepliesSection.oncePerConversation') },
            { value: 'each-session', label: t('autoRepliesSection.eachSession') },
          ]}
        />
        {text('welcome')}
      </fieldset>

      <fieldset class="subsection">
        <legend>{t('autoRepliesSection.offHours')}</legend>
        <CheckField
          ctx={ctx}
          path={[...REPLIES, 'offHours', 'enabled']}
          label={t('autoRepliesSection.replyWhenTheLine')}
        />
        {text('offHours')}
      </fieldset>

      <fieldset class="subsection">
        <legend>{t('autoRepliesSection.noAnswer')}</legend>
        <CheckField
          ctx={ctx}
          path={[...REPLIES, 'noAnswer', 'enabled']}
          label={t('autoRepliesSection.actWhenNoOperator')}
        />
        <NumberField
          ctx={ctx}
          path={[...REPLIES, 'noAnswer', 'afterMinutes']}
          label={t('autoRepliesSection.afterMinutes')}
          min={1}
          max={1440}
        />
        <SelectField
          ctx={ctx}
          path={[...REPLIES, 'noAnswer', 'action']}
          label={t('autoRepliesSection.then')}
          options={[
            { value: 'send-text', label: t('autoRepliesSection.sendText') },
            { value: 'keep-waiting', label: t('autoRepliesSection.keepWaiting') },
            { value: 'offer-callback', label: t('autoRepliesSection.offerCallback') },
          ]}
        />
        {text('noAnswer')}
      </fieldset>

      <fieldset class="subsection">
        <legend>{t('autoRepliesSection.onClose')}</legend>
        <CheckField
          ctx={ctx}
          path={[...REPLIES, 'onClose', 'enabled']}
          label={t('autoRepliesSection.sendAMessageWhen')}
        />
        {text('onClose')}
      </fieldset>
    </fieldset>
  )
}
