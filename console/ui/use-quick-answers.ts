import { useCallback, useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from '../api/index.ts'
import { useT } from '../i18n/index.ts'
import type { QuickAnswerItem } from '../state/index.ts'
import { errorText } from './error-text.ts'

export interface QuickAnswers {
  items: readonly QuickAnswerItem[]
  /** Set when the list could not be loaded: the composer says so on `/` instead of a notice. */
  error: string | null
  /** Fetches the list again: the quick-answers page calls it after a save, so `/` offers the change. */
  reload(): void
}

const NONE = { items: [], error: null }

/**
 * The quick answers, fetched once for the signed-in session (the shell lives exactly that long) and
 * again on `reload()`.
 */
export function useQuickAnswers(api: ConsoleApi): QuickAnswers {
  const [answers, setAnswers] = useState<Omit<QuickAnswers, 'reload'>>(NONE)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  const t = useT()
  // `generation` is in the dependencies only to fetch again on reload().
  useEffect(() => {
    let live = true
    api.listQuickAnswers().then(
      (items) => live && setAnswers({ items, error: null }),
      (e: unknown) => live && setAnswers({ items: [], error: errorText(e, t) }),
    )
    return () => {
      live = false
    }
  }, [api, generation])
  return { ...answers, reload }
}
