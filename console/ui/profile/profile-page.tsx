/**
 * /console/profile (issue 3 audit): the signed-in operator's own display name and avatar — what
 * visitors see next to their replies in the widget (widget/chat/avatar.tsx). Saved with
 * PATCH /api/me; a field the server refuses shows its message next to it.
 */
import { useState } from 'preact/hooks'
import { ApiError, type Operator, type ProfileApi } from '../../api/index.ts'
import { useT } from '../../i18n/index.ts'
import { errorText } from '../error-text.ts'

export interface ProfilePageProps {
  api: ProfileApi | undefined
  operator: Operator
  onSaved(operator: Operator): void
}

type Field = 'name' | 'avatarUrl'

/** The server's issues by field (`issues[].path[0]`). */
function fieldErrors(error: unknown): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {}
  if (!(error instanceof ApiError)) return out
  for (const issue of error.issues ?? []) {
    const { path, message } = issue as { path?: unknown[]; message?: string }
    const field = path?.[0]
    if ((field === 'name' || field === 'avatarUrl') && !out[field]) out[field] = message ?? ''
  }
  return out
}

export function ProfilePage({ api, operator, onSaved }: ProfilePageProps) {
  const t = useT()
  const [name, setName] = useState(operator.name)
  const [avatarUrl, setAvatarUrl] = useState(operator.avatarUrl ?? '')
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [error, setError] = useState<unknown>(null)
  if (!api) return <p class="form-error">{t('profilePage.unavailable')}</p>

  const errors = fieldErrors(error)
  const trimmedUrl = avatarUrl.trim()
  async function save(event: Event) {
    event.preventDefault()
    if (!api) return
    setStatus('saving')
    setError(null)
    try {
      // An emptied box removes the avatar (the widget then shows initials).
      const saved = await api.updateMe({
        name: name.trim(),
        avatarUrl: trimmedUrl === '' ? null : trimmedUrl,
      })
      setName(saved.name)
      setAvatarUrl(saved.avatarUrl ?? '')
      setStatus('saved')
      onSaved(saved)
    } catch (e) {
      setError(e)
      setStatus('idle')
    }
  }
  const described = (field: Field, hint: boolean) =>
    [hint ? `profile-${field}-hint` : '', errors[field] ? `profile-${field}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined

  return (
    <section class="lines-page profile-page" aria-labelledby="profile-title">
      <h1 id="profile-title">{t('profilePage.title')}</h1>
      <form class="card settings-section" onSubmit={save} noValidate data-testid="profile-form">
        <p class="hint">{t('profilePage.intro', { email: operator.email })}</p>
        <div class="field">
          <label for="profile-name">{t('profilePage.name')}</label>
          <input
            id="profile-name"
            value={name}
            maxLength={120}
            onInput={(e) => {
              setName(e.currentTarget.value)
              setStatus('idle')
            }}
            aria-invalid={errors.name ? 'true' : undefined}
            aria-describedby={described('name', false)}
            data-testid="profile-name"
          />
          {errors.name && (
            <p id="profile-name-error" class="form-error" data-testid="profile-name-error">
              {errors.name}
            </p>
          )}
        </div>
        <div class="field">
          <label for="profile-avatarUrl">{t('profilePage.avatarUrl')}</label>
          <input
            id="profile-avatarUrl"
            type="url"
            value={avatarUrl}
            placeholder="https://…"
            onInput={(e) => {
              setAvatarUrl(e.currentTarget.value)
              setStatus('idle')
            }}
            aria-invalid={errors.avatarUrl ? 'true' : undefined}
            aria-describedby={described('avatarUrl', true)}
            data-testid="profile-avatarUrl"
          />
          <p id="profile-avatarUrl-hint" class="hint field-hint">
            {t('profilePage.avatarHint')}
          </p>
          {errors.avatarUrl && (
            <p id="profile-avatarUrl-error" class="form-error" data-testid="profile-avatarUrl-error">
              {errors.avatarUrl}
            </p>
          )}
        </div>
        {/^https?:\/\//i.test(trimmedUrl) && (
          <img
            class="profile-avatar-preview"
            src={trimmedUrl}
            alt={t('profilePage.avatarPreview')}
            width={48}
            height={48}
            data-testid="profile-avatar-preview"
          />
        )}
        {error !== null && Object.keys(errors).length === 0 && (
          <p class="form-error" role="alert" data-testid="profile-error">
            {errorText(error, t)}
          </p>
        )}
        <div class="actions">
          <button
            type="submit"
            class="button primary"
            disabled={status === 'saving'}
            data-testid="profile-save"
          >
            {status === 'saving' ? t('common.saving') : t('profilePage.save')}
          </button>
          <span role="status" data-testid="profile-status">
            {status === 'saved' ? t('common.saved') : ''}
          </span>
        </div>
      </form>
    </section>
  )
}
