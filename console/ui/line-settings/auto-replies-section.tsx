import { CheckField, NumberField, SelectField, TextField } from './fields.tsx'
import type { FormContext } from './form-context.ts'

const REPLIES = ['settings', 'autoReplies'] as const
const HELP_ID = 'line-auto-replies-placeholders'

export function AutoRepliesSection({ ctx }: { ctx: FormContext }) {
  const text = (reply: string) => (
    <TextField ctx={ctx} path={[...REPLIES, reply, 'text']} label="Text" multiline describe={HELP_ID} />
  )
  return (
    <fieldset class="settings-section" data-testid="line-section-auto-replies">
      <legend>
        <h3>Auto-replies</h3>
      </legend>
      <div id={HELP_ID} class="hint placeholders-help" data-testid="line-placeholders-help">
        <p>Texts may use placeholders:</p>
        <ul>
          <li>
            <code>{'{visitor_name}'}</code> — the visitor's name, if they gave one
          </li>
          <li>
            <code>{'{line_name}'}</code> — the name of this line
          </li>
          <li>
            <code>{'{next_opening}'}</code> — when the line opens next, in the visitor's time
          </li>
        </ul>
        <p>
          Add a fallback after a bar for when the value is missing: <code>{'{visitor_name|there}'}</code>.
        </p>
      </div>

      <fieldset class="subsection">
        <legend>Welcome</legend>
        <CheckField ctx={ctx} path={[...REPLIES, 'welcome', 'enabled']} label="Send a welcome message" />
        <SelectField
          ctx={ctx}
          path={[...REPLIES, 'welcome', 'when']}
          label="Send it"
          options={[
            { value: 'first-message', label: 'Once per conversation' },
            { value: 'each-session', label: 'Each time the visitor comes back' },
          ]}
        />
        {text('welcome')}
      </fieldset>

      <fieldset class="subsection">
        <legend>Off hours</legend>
        <CheckField
          ctx={ctx}
          path={[...REPLIES, 'offHours', 'enabled']}
          label="Reply when the line is closed"
        />
        {text('offHours')}
      </fieldset>

      <fieldset class="subsection">
        <legend>No answer</legend>
        <CheckField
          ctx={ctx}
          path={[...REPLIES, 'noAnswer', 'enabled']}
          label="Act when no operator answers in time"
        />
        <NumberField
          ctx={ctx}
          path={[...REPLIES, 'noAnswer', 'afterMinutes']}
          label="After (minutes)"
          min={1}
          max={1440}
        />
        <SelectField
          ctx={ctx}
          path={[...REPLIES, 'noAnswer', 'action']}
          label="Then"
          options={[
            { value: 'send-text', label: 'Send the text below' },
            { value: 'keep-waiting', label: 'Send nothing, keep waiting' },
            { value: 'offer-callback', label: 'Offer a callback' },
          ]}
        />
        {text('noAnswer')}
      </fieldset>

      <fieldset class="subsection">
        <legend>On close</legend>
        <CheckField
          ctx={ctx}
          path={[...REPLIES, 'onClose', 'enabled']}
          label="Send a message when the conversation closes"
        />
        {text('onClose')}
      </fieldset>
    </fieldset>
  )
}
