// @vitest-environment happy-dom
/** Issue 3 audit: an operator edits their own name and avatar in the console (PATCH /api/me). */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, type ProfileApi, type ProfilePatch } from '../../api/index.ts'
import { ConsoleShell } from '../console-shell.tsx'
import { fakeApi, fakeSocket, testDeps, testSession } from '../test-doubles.ts'

afterEach(cleanup)

/** A stand-in for PATCH /api/me that refuses what the server refuses. */
function fakeProfile() {
  const patches: ProfilePatch[] = []
  const api: ProfileApi = {
    async updateMe(patch) {
      patches.push(patch)
      if (typeof patch.avatarUrl === 'string' && !/^https?:\/\//.test(patch.avatarUrl))
        throw new ApiError(400, 'invalid_body', 'Invalid body', [
          { path: ['avatarUrl'], message: 'an http:// or https:// address of an image' },
        ])
      return { ...testSession.operator, name: patch.name ?? 'Ann', avatarUrl: patch.avatarUrl ?? null }
    },
  }
  return { api, patches }
}

function renderShell(profile: ProfileApi) {
  const { api } = fakeApi({ conversations: [] })
  const { open } = fakeSocket()
  render(
    <ConsoleShell
      deps={testDeps({ ...api, profile }, open, '/console/')}
      session={testSession}
      onSignedOut={() => undefined}
    />,
  )
}

describe('profile page', () => {
  it('opens from the name in the top bar, saves name and avatar, and the top bar follows', async () => {
    const { api, patches } = fakeProfile()
    renderShell(api)
    const link = screen.getByTestId('nav-profile')
    expect(link.textContent).toBe('Ann')
    expect(link.getAttribute('href')).toBe('/console/profile')
    fireEvent.click(link)
    expect(await screen.findByRole('heading', { name: 'Your profile' })).toBeTruthy()
    expect(link.getAttribute('aria-current')).toBe('page')
    expect(screen.getByTestId('profile-form').textContent).toContain('ann@example.com')

    fireEvent.input(screen.getByTestId('profile-name'), { target: { value: '  Ann K. ' } })
    fireEvent.input(screen.getByTestId('profile-avatarUrl'), {
      target: { value: 'https://cdn.example/ann.png' },
    })
    expect(screen.getByTestId('profile-avatar-preview').getAttribute('src')).toBe(
      'https://cdn.example/ann.png',
    )
    fireEvent.click(screen.getByTestId('profile-save'))
    await waitFor(() => expect(screen.getByTestId('profile-status').textContent).toBe('Saved.'))
    expect(patches).toEqual([{ name: 'Ann K.', avatarUrl: 'https://cdn.example/ann.png' }])
    expect(screen.getByTestId('nav-profile').textContent).toBe('Ann K.')

    // An emptied avatar box removes the avatar.
    fireEvent.input(screen.getByTestId('profile-avatarUrl'), { target: { value: ' ' } })
    expect(screen.queryByTestId('profile-avatar-preview')).toBeNull()
    fireEvent.click(screen.getByTestId('profile-save'))
    await waitFor(() => expect(patches).toHaveLength(2))
    expect(patches[1]).toEqual({ name: 'Ann K.', avatarUrl: null })
  })

  it("shows the server's message next to a refused avatar address", async () => {
    const { api } = fakeProfile()
    renderShell(api)
    fireEvent.click(screen.getByTestId('nav-profile'))
    const box = await screen.findByTestId('profile-avatarUrl')
    fireEvent.input(box, { target: { value: 'javascript:alert(1)' } })
    fireEvent.click(screen.getByTestId('profile-save'))
    const error = await screen.findByTestId('profile-avatarUrl-error')
    expect(error.textContent).toBe('an http:// or https:// address of an image')
    expect(box.getAttribute('aria-invalid')).toBe('true')
    expect(box.getAttribute('aria-describedby')).toBe('profile-avatarUrl-hint profile-avatarUrl-error')
    expect(screen.getByTestId('profile-status').textContent).toBe('')
    expect(screen.getByTestId('nav-profile').textContent).toBe('Ann')
  })
})
