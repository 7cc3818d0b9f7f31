/** FR / EN switch: the pressed button is the language in use, remembered across visits. */
import { LOCALES, setLocale, t, type Locale } from '../i18n/index.ts'

const NAMES: Record<Locale, 'lang.fr' | 'lang.en'> = { fr: 'lang.fr', en: 'lang.en' }

/** Two toggle buttons, each naming its language in that language. */
export function LanguageSwitch ({ locale }: { locale: Locale }) {
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map(l => (
        <button
          key={l}
          type="button"
          class="lang-switch__button"
          lang={l}
          aria-pressed={l === locale}
          onClick={() => setLocale(l)}
        >
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span class="sr-only">{t(NAMES[l])}</span>
        </button>
      ))}
    </div>
  )
}
