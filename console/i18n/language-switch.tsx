/** The top bar's language switch; each language is named in itself so anyone can find their own. */
import { useI18n } from './context.tsx'
import { isLocale } from './locale.ts'
import { LOCALES, type Locale } from './types.ts'

const NATIVE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский' }

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n()
  return (
    <label class="language-switch">
      <span class="sr-only">{t('topBar.language')}</span>
      <select
        value={locale}
        data-testid="language-switch"
        onChange={(e) => {
          const value = e.currentTarget.value
          if (isLocale(value)) setLocale(value)
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  )
}
