import { useState } from 'preact/hooks'
import type { ConsoleApi } from '../api/index.ts'
import { useT } from '../i18n/index.ts'
import { type Colleague, InviteDialog, TransferDialog, type TransferTarget } from './team-dialogs.tsx'

export interface TeamActionsProps {
  api: ConsoleApi
  me: string
  assigneeId: string | null
  participantIds: readonly string[]
  lineId: string
  fallbackColleagues: readonly Colleague[]
  onTransfer(to: TransferTarget, label: string): void
  onInvite(operatorId: string, name: string): void
}

/** "Transfer" and "Invite" in the conversation header (issue "Open lines", items 4 and 5). */
export function TeamActions(props: TeamActionsProps) {
  const t = useT()
  const [open, setOpen] = useState<'transfer' | 'invite' | null>(null)
  const close = () => setOpen(null)
  const assignee = props.assigneeId ? [props.assigneeId] : []
  return (
    <>
      <button
        type="button"
        class="button"
        data-testid="transfer-open"
        aria-haspopup="dialog"
        onClick={() => setOpen('transfer')}
      >
        {t('teamActions.transfer')}
      </button>
      <button
        type="button"
        class="button"
        data-testid="invite-open"
        aria-haspopup="dialog"
        onClick={() => setOpen('invite')}
      >
        {t('teamActions.invite')}
      </button>
      {open === 'transfer' && (
        <TransferDialog
          api={props.api}
          exclude={[props.me, ...assignee]}
          currentLineId={props.lineId}
          fallbackColleagues={props.fallbackColleagues}
          onClose={close}
          onTransfer={(to, label) => {
            props.onTransfer(to, label)
            close()
          }}
        />
      )}
      {open === 'invite' && (
        <InviteDialog
          api={props.api}
          exclude={[props.me, ...assignee, ...props.participantIds]}
          fallbackColleagues={props.fallbackColleagues}
          onClose={close}
          onInvite={(id, name) => {
            props.onInvite(id, name)
            close()
          }}
        />
      )}
    </>
  )
}
