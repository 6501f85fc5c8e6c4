import { useState } from 'preact/hooks'
import { LanguageSwitch, type MessageKey, useT } from '../i18n/index.ts'
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

const CONNECTION_TEXT: Record<ConnectionStatus, MessageKey> = {
  connecting: 'topBar.connecting',
  online: 'topBar.live',
  offline: 'topBar.reconnecting',
}

export function TopBar(props: TopBarProps) {
  const t = useT()
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
        {t('topBar.openline')} <span class="workspace">{props.workspaceName}</span>
      </span>
      <nav aria-label={t('topBar.main')} class="main-nav">
        <Link
          to={{ name: 'inbox' }}
          navigate={navigate}
          aria-current={route.name === 'inbox' || route.name === 'conversation' ? 'page' : undefined}
          data-testid="nav-inbox"
        >
          {t('topBar.inbox')}
        </Link>
        <Link
          to={{ name: 'install' }}
          navigate={navigate}
          aria-current={route.name === 'install' ? 'page' : undefined}
          data-testid="nav-install"
        >
          {t('topBar.install')}
        </Link>
        <Link
          to={{ name: 'lines' }}
          navigate={navigate}
          aria-current={route.name === 'lines' || route.name === 'line' ? 'page' : undefined}
          data-testid="nav-lines"
        >
          {t('topBar.lines')}
        </Link>
        {/* Issue 5: forms, submissions, widget settings. */}
        <Link
          to={{ name: 'forms' }}
          navigate={navigate}
          aria-current={route.name === 'forms' || route.name === 'form' ? 'page' : undefined}
          data-testid="nav-forms"
        >
          {t('topBar.forms')}
        </Link>
        <Link
          to={{ name: 'submissions', formId: null }}
          navigate={navigate}
          aria-current={route.name === 'submissions' ? 'page' : undefined}
          data-testid="nav-submissions"
        >
          {t('topBar.submissions')}
        </Link>
        <Link
          to={{ name: 'widgets' }}
          navigate={navigate}
          aria-current={route.name === 'widgets' || route.name === 'widget' ? 'page' : undefined}
          data-testid="nav-widgets"
        >
          {t('topBar.widgets')}
        </Link>
        {/* Issue 5, item 2: the callbacks queue. */}
        <Link
          to={{ name: 'callbacks' }}
          navigate={navigate}
          aria-current={route.name === 'callbacks' ? 'page' : undefined}
          data-testid="nav-callbacks"
        >
          {t('topBar.callbacks')}
        </Link>
        <Link
          to={{ name: 'crm' }}
          navigate={navigate}
          aria-current={route.name === 'crm' ? 'page' : undefined}
          data-testid="nav-crm"
        >
          {t('topBar.crm')}
        </Link>
        {/* Issue "Open lines", items 4 and 6: quick answers. */}
        <Link
          to={{ name: 'quick-answers' }}
          navigate={navigate}
          aria-current={route.name === 'quick-answers' ? 'page' : undefined}
          data-testid="nav-quick-answers"
        >
          {t('topBar.quickAnswers')}
        </Link>
      </nav>
      <span class={`connection ${props.connection}`} role="status" data-testid="connection-status">
        {t(CONNECTION_TEXT[props.connection])}
      </span>
      <PresenceToggle status={props.presence} onChange={props.onPresence} />
      {permission === 'enabled' ? (
        <span class="hint">{t('topBar.alertsOn')}</span>
      ) : permission === 'denied' ? (
        <span class="hint">{t('topBar.notificationsBlockedInThe')}</span>
      ) : (
        <button type="button" class="button" onClick={enable} data-testid="enable-notifications">
          {t('topBar.enableNotifications')}
        </button>
      )}
      {/* Issue 5, item 7: the console in English or Russian, remembered in this browser. */}
      <LanguageSwitch />
      {/* Issue 3 audit: the operator's own name and avatar are edited on the profile page. */}
      <Link
        to={{ name: 'profile' }}
        navigate={navigate}
        class="operator"
        aria-current={route.name === 'profile' ? 'page' : undefined}
        title={t('topBar.yourProfile')}
        data-testid="nav-profile"
      >
        {props.operatorName}
      </Link>
      <button type="button" class="button" onClick={props.onSignOut} data-testid="sign-out">
        {t('topBar.signOut')}
      </button>
    </header>
  )
}
