import { useCallback, useEffect, useState } from 'preact/hooks'
import type { Session } from '../api/index.ts'
import { I18nProvider, type Locale, pickLocale, useT } from '../i18n/index.ts'
import { ConsoleShell } from './console-shell.tsx'
import type { ConsoleDeps } from './deps.ts'
import { errorText } from './error-text.ts'
import { SignIn } from './sign-in.tsx'

type Boot =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; session: Session }
  | { kind: 'error'; message: string }

/** GET /api/auth/me decides between the sign-in form and the console; nothing else is remembered. */
export function App({ deps }: { deps: ConsoleDeps }) {
  // Issue 5, item 7: an explicit choice (remembered) wins, else the browser's language.
  const [locale, setLocaleState] = useState<Locale>(() =>
    pickLocale(deps.language.load(), deps.language.languages()),
  )
  useEffect(() => deps.language.apply(locale), [deps, locale])
  const setLocale = useCallback(
    (next: Locale) => {
      deps.language.save(next)
      setLocaleState(next)
    },
    [deps],
  )
  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      <Boot deps={deps} />
    </I18nProvider>
  )
}

function Boot({ deps }: { deps: ConsoleDeps }) {
  const t = useT()
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' })

  const check = useCallback(() => {
    setBoot({ kind: 'loading' })
    deps.api.me().then(
      (session) => setBoot(session ? { kind: 'signed-in', session } : { kind: 'signed-out' }),
      (e: unknown) => setBoot({ kind: 'error', message: errorText(e, t) }),
    )
  }, [deps])
  useEffect(check, [check])

  switch (boot.kind) {
    case 'loading':
      return (
        <main id="main" class="centered">
          <p role="status">{t('app.loading')}</p>
        </main>
      )
    case 'error':
      return (
        <main id="main" class="centered">
          <p role="alert">{boot.message}</p>
          <button type="button" class="button" onClick={check}>
            {t('app.tryAgain')}
          </button>
        </main>
      )
    case 'signed-out':
      return (
        <SignIn
          onSignIn={async (email, password) => {
            setBoot({ kind: 'signed-in', session: await deps.api.login(email, password) })
          }}
        />
      )
    case 'signed-in':
      return (
        <ConsoleShell
          key={boot.session.operator.id}
          deps={deps}
          session={boot.session}
          onSignedOut={() => setBoot({ kind: 'signed-out' })}
        />
      )
  }
}
