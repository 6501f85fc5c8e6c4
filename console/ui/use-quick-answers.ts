import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi } from '../api/index.ts'
import type { QuickAnswerItem } from '../state/index.ts'
import { errorText } from './error-text.ts'

export interface QuickAnswers {
  items: readonly QuickAnswerItem[]
  /** Set when the list could not be loaded: the composer says so on `/` instead of a notice. */
  error: string | null
}

const NONE: QuickAnswers = { items: [], error: null }

/** The quick answers, fetched once for the signed-in session (the shell lives exactly that long). */
export function useQuickAnswers(api: ConsoleApi): QuickAnswers {
  const [answers, setAnswers] = useState<QuickAnswers>(NONE)
  useEffect(() => {
    let live = true
    api.listQuickAnswers().then(
      (items) => live && setAnswers({ items, error: null }),
      (e: unknown) => live && setAnswers({ items: [], error: errorText(e) }),
    )
    return () => {
      live = false
    }
  }, [api])
  return answers
}
