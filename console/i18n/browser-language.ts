/** The real browser behind LanguageEnv: navigator.languages, localStorage and `<html lang>`. */
import { type LanguageEnv, LOCALE_STORAGE_KEY } from './locale.ts'

export function browserLanguageEnv(win: Window): LanguageEnv {
  return {
    languages: () => (win.navigator.languages?.length ? win.navigator.languages : [win.navigator.language]),
    load() {
      // Storage can be unavailable (privacy modes, blocked cookies): then the browser's language decides.
      try {
        return win.localStorage.getItem(LOCALE_STORAGE_KEY)
      } catch {
        return null
      }
    },
    save(locale) {
      try {
        win.localStorage.setItem(LOCALE_STORAGE_KEY, locale)
      } catch {
        // Not remembered across visits; the choice still applies to this page.
      }
    },
    apply(locale) {
      win.document.documentElement.lang = locale
    },
  }
}
