import { useState } from 'preact/hooks'
import type { Notifier, NotifyPermission } from '../notify/index.ts'
import type { ConnectionStatus, PresenceStatus, Route } from '../state/index.ts'
import { Link } from './link.tsx'
import { PresenceToggle } from './presence-toggle.tsx'

export interface TopBarProps {
  operatorName: string
  workspaceName: string
  route: Route
  navigate(route: Route): void
  connection: ConnectionStatus
  notifier: Notifier
  presence: PresenceStatus
  onPresence(status: PresenceStatus): void
  onSignOut(): void
}

const CONNECTION_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  online: 'Live',
  offline: 'Reconnecting…',
}

export function TopBar(props: TopBarProps) {
  const { route, navigate } = props
  const [permission, setPermission] = useState<NotifyPermission | 'enabled'>(() =>
    props.notifier.permission(),
  )

  async function enable() {
    const result = await props.notifier.enable()
    setPermission(result === 'granted' ? 'enabled' : result)
  }

  return (
    <header class="topbar">
      <span class="brand">
        Openline <span class="workspace">{props.workspaceName}</span>
      </span>
      <nav aria-label="Main" class="main-nav">
        <Link
          to={{ name: 'inbox' }}
          navigate={navigate}
          aria-current={route.name === 'inbox' || route.name === 'conversation' ? 'page' : undefined}
          data-testid="nav-inbox"
        >
          Inbox
        </Link>
        <Link
          to={{ name: 'install' }}
          navigate={navigate}
          aria-current={route.name === 'install' ? 'page' : undefined}
          data-testid="nav-install"
        >
          Install
        </Link>
        <Link
          to={{ name: 'lines' }}
          navigate={navigate}
          aria-current={route.name === 'lines' || route.name === 'line' ? 'page' : undefined}
          data-testid="nav-lines"
        >
          Lines
        </Link>
      </nav>
      <span class={`connection ${props.connection}`} role="status" data-testid="connection-status">
        {CONNECTION_TEXT[props.connection]}
      </span>
      <PresenceToggle status={props.presence} onChange={props.onPresence} />
      {permission === 'enabled' ? (
        <span class="hint">Alerts on</span>
      ) : permission === 'denied' ? (
        <span class="hint">Notifications blocked in the browser</span>
      ) : (
        <button type="button" class="button" onClick={enable} data-testid="enable-notifications">
          Enable notifications
        </button>
      )}
      <span class="operator">{props.operatorName}</span>
      <button type="button" class="button" onClick={props.onSignOut} data-testid="sign-out">
        Sign out
      </button>
    </header>
  )
}
