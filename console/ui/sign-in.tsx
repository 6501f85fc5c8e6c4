import { useState } from 'preact/hooks'
import { ApiError } from '../api/index.ts'
import { errorText } from './error-text.ts'

export interface SignInProps {
  onSignIn(email: string, password: string): Promise<void>
}

function signInError(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'That email and password do not match.'
  if (error instanceof ApiError && error.status === 400) return 'Enter your email and your password.'
  return errorText(error)
}

export function SignIn({ onSignIn }: SignInProps) {
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
      setError(signInError(e))
      setBusy(false)
    }
  }

  return (
    <main id="main" class="sign-in">
      <form class="card sign-in-form" onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Sign in to Openline</h1>
        <label for="login-email">Email</label>
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
        <label for="login-password">Password</label>
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
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
