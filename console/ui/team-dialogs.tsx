import { useEffect, useState } from 'preact/hooks'
import { ApiError, type ConsoleApi, type LineSummary } from '../api/index.ts'
import { useT } from '../i18n/index.ts'
import { Dialog } from './dialog.tsx'
import { errorText } from './error-text.ts'

export interface Colleague {
  id: string
  name: string
}

export type TransferTarget = { operatorId: string } | { lineId: string }

interface Choices {
  operators: Colleague[]
  lines: Pick<LineSummary, 'id' | 'name'>[]
  /** Why the list is partial (a non-admin cannot list operators or lines), if it is. */
  hint: string | null
}

/**
 * GET /api/team gives every operator the names of their colleagues and lines (issue "Open lines").
 * Without it (an API double) the admin lists are the complete ones (admin-only): anyone else gets
 * the colleagues this console has seen on conversations, and no lines.
 */
function useChoices(api: ConsoleApi, fallback: readonly Colleague[]): Choices | string | null {
  const [choices, setChoices] = useState<Choices | string | null>(null)
  const t = useT()
  useEffect(() => {
    let live = true
    if (api.team) {
      api.team().then(
        (team) =>
          live &&
          setChoices({
            operators: team.operators.map((o) => ({ id: o.id, name: o.name })),
            lines: team.lines,
            hint: null,
          }),
        (e: unknown) => live && setChoices(errorText(e, t)),
      )
      return () => {
        live = false
      }
    }
    const forbidden = (e: unknown) => e instanceof ApiError && e.status === 403
    Promise.all([
      api.listOperators().then(
        (list): Colleague[] | null => list.map((o) => ({ id: o.id, name: o.name })),
        (e: unknown) => {
          if (forbidden(e)) return null
          throw e
        },
      ),
      api.listLines().then(
        (list): LineSummary[] | null => list,
        (e: unknown) => {
          if (forbidden(e)) return null
          throw e
        },
      ),
    ]).then(
      ([operators, lines]) =>
        live &&
        setChoices({
          operators: operators ?? [...fallback],
          lines: lines ?? [],
          hint: operators && lines ? null : 'partial',
        }),
      (e: unknown) => live && setChoices(errorText(e, t)),
    )
    return () => {
      live = false
    }
  }, [api, fallback])
  return choices
}

export interface TransferDialogProps {
  api: ConsoleApi
  /** Neither the operator transferring nor the current assignee is a choice. */
  exclude: readonly string[]
  currentLineId: string
  fallbackColleagues: readonly Colleague[]
  onTransfer(to: TransferTarget, label: string): void
  onClose(): void
}

export function TransferDialog(props: TransferDialogProps) {
  const t = useT()
  const choices = useChoices(props.api, props.fallbackColleagues)
  const [value, setValue] = useState('')
  const ready = choices !== null && typeof choices !== 'string'
  const operators = ready ? choices.operators.filter((o) => !props.exclude.includes(o.id)) : []
  const lines = ready ? choices.lines.filter((l) => l.id !== props.currentLineId) : []

  function submit(event: Event) {
    event.preventDefault()
    const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)]
    if (kind === 'op') {
      props.onTransfer({ operatorId: id }, operators.find((o) => o.id === id)?.name ?? id)
    } else if (kind === 'line') {
      props.onTransfer({ lineId: id }, lines.find((l) => l.id === id)?.name ?? id)
    }
  }

  return (
    <Dialog title={t('teamDialogs.transferConversation')} id="transfer-dialog" onClose={props.onClose}>
      <form onSubmit={submit}>
        <label for="transfer-target">{t('teamDialogs.transferTo')}</label>
        <select
          id="transfer-target"
          data-testid="transfer-target"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          aria-busy={!ready}
          required
          aria-describedby="transfer-hint"
        >
          <option value="">
            {ready ? t('teamDialogs.chooseColleagueOrLine') : t('teamDialogs.loading')}
          </option>
          {operators.length > 0 && (
            <optgroup label={t('teamDialogs.colleagues')}>
              {operators.map((o) => (
                <option key={o.id} value={`op:${o.id}`}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          )}
          {lines.length > 0 && (
            <optgroup label={t('teamDialogs.lines')}>
              {lines.map((l) => (
                <option key={l.id} value={`line:${l.id}`}>
                  {l.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <p id="transfer-hint" class={typeof choices === 'string' ? 'form-error' : 'hint'}>
          {typeof choices === 'string'
            ? t('teamDialogs.couldNotLoad', { error: choices })
            : ready && (choices.hint ? t('teamDialogs.partialHint') : t('teamDialogs.transferHint'))}
        </p>
        <DialogButtons
          submitText={t('teamDialogs.transfer')}
          disabled={!value}
          onClose={props.onClose}
          testId="transfer-submit"
        />
      </form>
    </Dialog>
  )
}

export interface InviteDialogProps {
  api: ConsoleApi
  exclude: readonly string[]
  fallbackColleagues: readonly Colleague[]
  onInvite(operatorId: string, name: string): void
  onClose(): void
}

export function InviteDialog(props: InviteDialogProps) {
  const t = useT()
  const choices = useChoices(props.api, props.fallbackColleagues)
  const [value, setValue] = useState('')
  const ready = choices !== null && typeof choices !== 'string'
  const operators = ready ? choices.operators.filter((o) => !props.exclude.includes(o.id)) : []
  return (
    <Dialog title={t('teamDialogs.inviteAColleague')} id="invite-dialog" onClose={props.onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (value) props.onInvite(value, operators.find((o) => o.id === value)?.name ?? value)
        }}
      >
        <label for="invite-target">{t('teamDialogs.colleague')}</label>
        <select
          id="invite-target"
          data-testid="invite-target"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          aria-busy={!ready}
          required
          aria-describedby="invite-hint"
        >
          <option value="">{ready ? t('teamDialogs.chooseColleague') : t('teamDialogs.loading')}</option>
          {operators.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <p id="invite-hint" class={typeof choices === 'string' ? 'form-error' : 'hint'}>
          {typeof choices === 'string'
            ? t('teamDialogs.couldNotLoad', { error: choices })
            : ready && (choices.hint ? t('teamDialogs.partialHint') : t('teamDialogs.inviteHint'))}
        </p>
        <DialogButtons
          submitText={t('teamDialogs.invite')}
          disabled={!value}
          onClose={props.onClose}
          testId="invite-submit"
        />
      </form>
    </Dialog>
  )
}

function DialogButtons(props: { submitText: string; disabled: boolean; onClose(): void; testId: string }) {
  const t = useT()
  return (
    <div class="dialog-buttons">
      <button type="submit" class="button primary" disabled={props.disabled} data-testid={props.testId}>
        {props.submitText}
      </button>
      <button type="button" class="button" onClick={props.onClose}>
        {t('teamDialogs.cancel')}
      </button>
    </div>
  )
}
