import { useCallback, useEffect, useState } from 'preact/hooks'
import type { Session } from '../api/index.ts'
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
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' })

  const check = useCallback(() => {
    setBoot({ kind: 'loading' })
    deps.api.me().then(
      (session) => setBoot(session ? { kind: 'signed-in', session } : { kind: 'signed-out' }),
      (e: unknown) => setBoot({ kind: 'error', message: errorText(e) }),
    )
  }, [deps])
  useEffect(check, [check])

  switch (boot.kind) {
    case 'loading':
      return (
        <main id="main" class="centered">
          <p role="status">Loading…</p>
        </main>
      )
    case 'error':
      return (
        <main id="main" class="centered">
          <p role="alert">{boot.message}</p>
          <button type="button" class="button" onClick={check}>
            Try again
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
