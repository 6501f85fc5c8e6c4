// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../api/index.ts'
import { SignIn } from './sign-in.tsx'

afterEach(cleanup)

describe('SignIn', () => {
  it('submits the typed credentials and shows the error when they are refused', async () => {
    const calls: [string, string][] = []
    render(
      <SignIn
        onSignIn={async (email, password) => {
          calls.push([email, password])
          throw new ApiError(401, 'invalid_credentials', 'Invalid email or password')
        }}
      />,
    )
    fireEvent.input(screen.getByTestId('login-email'), { target: { value: ' ann@example.com ' } })
    fireEvent.input(screen.getByTestId('login-password'), { target: { value: 'secret-pw' } })
    fireEvent.click(screen.getByTestId('login-submit'))

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('That email and password do not match.')
    expect(calls).toEqual([['ann@example.com', 'secret-pw']])
    expect(screen.getByTestId('login-email').getAttribute('aria-invalid')).toBe('true')
    await waitFor(() =>
      expect((screen.getByTestId('login-submit') as HTMLButtonElement).disabled).toBe(false),
    )
  })

  it('shows the server message for rate limiting', async () => {
    render(
      <SignIn
        onSignIn={async () => {
          throw new ApiError(429, 'rate_limited', 'Too many attempts; retry in 30 s')
        }}
      />,
    )
    fireEvent.click(screen.getByTestId('login-submit'))
    expect((await screen.findByTestId('login-error')).textContent).toBe('Too many attempts; retry in 30 s')
  })

  it('labels its fields', () => {
    render(<SignIn onSignIn={async () => undefined} />)
    expect(screen.getByLabelText('Email')).toBe(screen.getByTestId('login-email'))
    expect(screen.getByLabelText('Password')).toBe(screen.getByTestId('login-password'))
  })
})
