import { ApiError } from '../api/index.ts'
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'

/** What to tell a person about a failed call: the server's message, or a plain fallback for bugs. */
export function errorText(error: unknown, t: Translate = ENGLISH.t): string {
  if (error instanceof ApiError) {
    // The console's own words about a failed request are translated; the server's message stays as
    // the server wrote it (issue 5, item 7 translates the console's own words).
    if (error.code === 'network') return t('errors.network')
    if (error.code === 'invalid_response') return t('errors.invalidResponse')
    if (error.code === `http_${error.status}` && error.message === `Request failed (${error.status})`)
      return t('errors.requestFailed', { status: error.status })
    return error.message
  }
  return t('errors.somethingWentWrong')
}

/** A load error for an admin-only page: 403 gets the page's own "only admins can …" sentence. */
export function adminOnlyError(error: unknown, forbidden: string, t: Translate = ENGLISH.t): string {
  return error instanceof ApiError && error.status === 403 ? forbidden : errorText(error, t)
}
