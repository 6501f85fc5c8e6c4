import { useState } from 'preact/hooks'
import type { Operator } from '../../api/index.ts'
import { type Translate, useT } from '../../i18n/index.ts'
import { CheckField, type Choice, FieldError, NumberField, RadioGroup } from './fields.tsx'
import { type FormContext, fieldId, valueAt } from './form-context.ts'

const ROUTING = ['settings', 'routing'] as const
const QUEUE = [...ROUTING, 'queue'] as const

const modes = (t: Translate): readonly Choice[] => [
  { value: 'evenly', label: t('routingSection.evenly'), description: t('routingSection.evenlyHint') },
  { value: 'in-order', label: t('routingSection.inOrder'), description: t('routingSection.inOrderHint') },
  { value: 'everyone', label: t('routingSection.everyone'), description: t('routingSection.everyoneHint') },
]

export function RoutingSection({ ctx, operators }: { ctx: FormContext; operators: readonly Operator[] }) {
  const t = useT()
  return (
    <fieldset class="settings-section" data-testid="line-section-routing">
      <legend>
        <h3>{t('routingSection.routing')}</h3>
      </legend>
      <RadioGroup
        ctx={ctx}
        path={[...ROUTING, 'mode']}
        legend={t('routingSection.howConversationsReachOperators')}
        options={modes(t)}
      />
      <QueueEditor ctx={ctx} operators={operators} />
      <NumberField
        ctx={ctx}
        path={[...ROUTING, 'queueTimeSeconds']}
        label={t('routingSection.queueTimeSeconds')}
        hint={t('routingSection.howLongAnIn')}
        min={5}
        max={3600}
      />
      <NumberField
        ctx={ctx}
        path={[...ROUTING, 'maxActiveChats']}
        label={t('routingSection.mostActiveChatsPer')}
        hint={t('routingSection.anOperatorAtThis')}
        min={0}
        max={1000}
      />
      <fieldset class="subsection">
        <legend>{t('routingSection.returningClients')}</legend>
        <CheckField
          ctx={ctx}
          path={[...ROUTING, 'returningClient', 'enabled']}
          label={t('routingSection.sendAReturningVisitor')}
        />
        <NumberField
          ctx={ctx}
          path={[...ROUTING, 'returningClient', 'waitSeconds']}
          label={t('routingSection.waitForThatOperator')}
          hint={t('routingSection.afterThisLongThe')}
          min={0}
          max={86400}
        />
      </fieldset>
      <NumberField
        ctx={ctx}
        path={[...ROUTING, 'autoCloseInactiveMinutes']}
        label={t('routingSection.closeInactiveConversationsAfter')}
        hint={t('routingSection.0MeansNever')}
        min={0}
      />
      <NumberField
        ctx={ctx}
        path={[...ROUTING, 'reopenWindowMinutes']}
        label={t('routingSection.reopenWindowMinutes')}
        hint={t('routingSection.aVisitorWritingWithin')}
        min={0}
      />
    </fieldset>
  )
}

function QueueEditor({ ctx, operators }: { ctx: FormContext; operators: readonly Operator[] }) {
  const t = useT()
  const queue = valueAt<string[]>(ctx, QUEUE) ?? []
  const outside = operators.filter((o) => !queue.includes(o.id))
  const [picked, setPicked] = useState('')
  const toAdd = outside.some((o) => o.id === picked) ? picked : (outside[0]?.id ?? '')
  const nameOf = (id: string) => {
    const operator = operators.find((o) => o.id === id)
    return operator ? `${operator.name} (${operator.email})` : t('routingSection.unknownOperator', { id })
  }
  const addId = `${fieldId(QUEUE)}-add`

  return (
    <fieldset class="subsection" data-testid="line-queue">
      <legend>{t('routingSection.queueMembers')}</legend>
      <p class="hint">{t('routingSection.theOrderMattersFor')}</p>
      {queue.length === 0 ? (
        <p class="hint" data-testid="line-queue-empty">
          {t('routingSection.nobodyYetConversationsWait')}
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
                aria-label={t('routingSection.moveUp', { name: nameOf(id) })}
                data-testid="line-queue-up"
              >
                {t('routingSection.up')}
              </button>
              <button
                type="button"
                class="button small"
                disabled={index === queue.length - 1}
                onClick={() => ctx.dispatch({ type: 'move', path: QUEUE, index, by: 1 })}
                aria-label={t('routingSection.moveDown', { name: nameOf(id) })}
                data-testid="line-queue-down"
              >
                {t('routingSection.down')}
              </button>
              <button
                type="button"
                class="button small"
                onClick={() => ctx.dispatch({ type: 'remove', path: QUEUE, index })}
                aria-label={t('routingSection.removeFromQueue', { name: nameOf(id) })}
                data-testid="line-queue-remove"
              >
                {t('routingSection.remove')}
              </button>
              <FieldError ctx={ctx} path={[...QUEUE, index]} />
            </li>
          ))}
        </ol>
      )}
      <FieldError ctx={ctx} path={QUEUE} />
      {outside.length > 0 && (
        <div class="inline-add">
          <label for={addId}>{t('routingSection.operatorToAdd')}</label>
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
            {t('routingSection.addToQueue')}
          </button>
        </div>
      )}
    </fieldset>
  )
}
