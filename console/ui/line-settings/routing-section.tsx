import { useState } from 'preact/hooks'
import type { Operator } from '../../api/index.ts'
import { CheckField, type Choice, FieldError, NumberField, RadioGroup } from './fields.tsx'
import { type FormContext, fieldId, valueAt } from './form-context.ts'

const ROUTING = ['settings', 'routing'] as const
const QUEUE = [...ROUTING, 'queue'] as const

const MODES: readonly Choice[] = [
  {
    value: 'evenly',
    label: 'Evenly',
    description:
      'Each new conversation goes straight to the available queue member with the fewest active chats.',
  },
  {
    value: 'in-order',
    label: 'In queue order',
    description:
      'Offered to one operator at a time in the order below; if they do not accept within the queue time it passes to the next.',
  },
  {
    value: 'everyone',
    label: 'Everyone at once',
    description: 'Offered to every available queue member together; the first to accept gets it.',
  },
]

export function RoutingSection({ ctx, operators }: { ctx: FormContext; operators: readonly Operator[] }) {
  return (
    <fieldset class="settings-section" data-testid="line-section-routing">
      <legend>
        <h3>Routing</h3>
      </legend>
      <RadioGroup
        ctx={ctx}
        path={[...ROUTING, 'mode']}
        legend="How conversations reach operators"
        options={MODES}
      />
      <QueueEditor ctx={ctx} operators={operators} />
      <NumberField
        ctx={ctx}
        path={[...ROUTING, 'queueTimeSeconds']}
        label="Queue time (seconds)"
        hint="How long an in-order offer waits for an answer before it passes to the next operator (5–3600)."
        min={5}
        max={3600}
      />
      <NumberField
        ctx={ctx}
        path={[...ROUTING, 'maxActiveChats']}
        label="Most active chats per operator"
        hint="An operator at this many conversations gets no new ones; 0 means no limit."
        min={0}
        max={1000}
      />
      <fieldset class="subsection">
        <legend>Returning clients</legend>
        <CheckField
          ctx={ctx}
          path={[...ROUTING, 'returningClient', 'enabled']}
          label="Send a returning visitor to the operator who answered them last"
        />
        <NumberField
          ctx={ctx}
          path={[...ROUTING, 'returningClient', 'waitSeconds']}
          label="Wait for that operator (seconds)"
          hint="After this long the conversation goes to the queue as usual."
          min={0}
          max={86400}
        />
      </fieldset>
      <NumberField
        ctx={ctx}
        path={[...ROUTING, 'autoCloseInactiveMinutes']}
        label="Close inactive conversations after (minutes)"
        hint="0 means never."
        min={0}
      />
      <NumberField
        ctx={ctx}
        path={[...ROUTING, 'reopenWindowMinutes']}
        label="Reopen window (minutes)"
        hint="A visitor writing within this long after a close reopens the conversation."
        min={0}
      />
    </fieldset>
  )
}

function QueueEditor({ ctx, operators }: { ctx: FormContext; operators: readonly Operator[] }) {
  const queue = valueAt<string[]>(ctx, QUEUE) ?? []
  const outside = operators.filter((o) => !queue.includes(o.id))
  const [picked, setPicked] = useState('')
  const toAdd = outside.some((o) => o.id === picked) ? picked : (outside[0]?.id ?? '')
  const nameOf = (id: string) => {
    const operator = operators.find((o) => o.id === id)
    return operator ? `${operator.name} (${operator.email})` : `Unknown operator ${id}`
  }
  const addId = `${fieldId(QUEUE)}-add`

  return (
    <fieldset class="subsection" data-testid="line-queue">
      <legend>Queue members</legend>
      <p class="hint">The order matters for "In queue order" and breaks ties for "Evenly".</p>
      {queue.length === 0 ? (
        <p class="hint" data-testid="line-queue-empty">
          Nobody yet: conversations wait until you add operators.
        </p>
      ) : (
        <ol class="queue-list">
          {queue.map((id, index) => (
            <li key={id} data-testid="line-queue-member" data-operator-id={id}>
              <span class="queue-name">{nameOf(id)}</span>
              <button
                type="button"
                class="button small"
                disabled={index === 0}
                onClick={() => ctx.dispatch({ type: 'move', path: QUEUE, index, by: -1 })}
                aria-label={`Move ${nameOf(id)} up`}
                data-testid="line-queue-up"
              >
                Up
              </button>
              <button
                type="button"
                class="button small"
                disabled={index === queue.length - 1}
                onClick={() => ctx.dispatch({ type: 'move', path: QUEUE, index, by: 1 })}
                aria-label={`Move ${nameOf(id)} down`}
                data-testid="line-queue-down"
              >
                Down
              </button>
              <button
                type="button"
                class="button small"
                onClick={() => ctx.dispatch({ type: 'remove', path: QUEUE, index })}
                aria-label={`Remove ${nameOf(id)} from the queue`}
                data-testid="line-queue-remove"
              >
                Remove
              </button>
              <FieldError ctx={ctx} path={[...QUEUE, index]} />
            </li>
          ))}
        </ol>
      )}
      <FieldError ctx={ctx} path={QUEUE} />
      {outside.length > 0 && (
        <div class="inline-add">
          <label for={addId}>Operator to add</label>
          <select
            id={addId}
            value={toAdd}
            onChange={(event) => setPicked(event.currentTarget.value)}
            data-testid="line-queue-add-select"
          >
            {outside.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.email})
              </option>
            ))}
          </select>
          <button
            type="button"
            class="button"
            onClick={() => toAdd && ctx.dispatch({ type: 'insert', path: QUEUE, value: toAdd })}
            data-testid="line-queue-add"
          >
            Add to queue
          </button>
        </div>
      )}
    </fieldset>
  )
}
