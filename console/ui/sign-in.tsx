import { useState } from 'preact/hooks'
import { ApiError } from '../api/index.ts'
import { type Translate, useT } from '../i18n/index.ts'
import { errorText } from './error-text.ts'

export interface SignInProps {
  onSignIn(email: string, password: string): Promise<void>
}

function signInError(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 401) return t('signIn.wrongPassword')
  if (error instanceof ApiError && error.status === 400) return t('signIn.missingFields')
  return errorText(error, t)
}

export function SignIn({ onSignIn }: SignInProps) {
  const t = useT()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: Event) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await onSignIn(email.trim(), password)
    } catch (e) {
      setError(signInError(e, t))
      setBusy(false)
    }
  }

  return (
    <main id="main" class="sign-in">
      <form class="card sign-in-form" onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">{t('signIn.signInToOpenline')}</h1>
        <label for="login-email">{t('signIn.email')}</label>
        <input
          id="login-email"
          data-testid="login-email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'login-error' : undefined}
        />
        <label for="login-password">{t('signIn.password')}</label>
        <input
          id="login-password"
          data-testid="login-password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'login-error' : undefined}
        />
        {error && (
          <p id="login-error" class="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" class="button primary" data-testid="login-submit" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.signIn')}
        </button>
      </form>
    </main>
  )
}
