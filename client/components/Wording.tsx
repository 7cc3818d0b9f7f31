/**
 * The dispositif of an amendment, the formal wording a parliament prints,
 * in a quote block: in French (the parliament's language) and, when the
 * interface is in English, in English too. Optionally with a copy button
 * (the Clipboard API, or a hidden textarea and execCommand where it is not
 * available, e.g. on plain http).
 */
import { useState } from 'preact/hooks'
import { getLocale, t } from '../i18n/index.ts'

/** Copies `text`; resolves false when the browser refused. */
export async function copyText (text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch { /* fall back below */ }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  const active = document.activeElement as HTMLElement | null
  document.body.appendChild(area)
  area.select()
  let ok: boolean
  try { ok = document.execCommand('copy') } catch { ok = false }
  area.remove()
  active?.focus()
  return ok
}

/** A wording in one language, as a quote. */
function Quote ({ text, lang }: { text: string; lang: 'fr' | 'en' }) {
  return <blockquote class="wording__text" lang={lang}>{text}</blockquote>
}

/** The dispositif (French, plus English in an English interface), with a copy button when `copy`. */
export function Wording ({ wording, copy = false }: { wording: { fr: string; en: string }; copy?: boolean }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle')
  const english = getLocale() === 'en'
  async function onCopy () {
    setCopied((await copyText(english ? wording.en : wording.fr)) ? 'done' : 'failed')
  }
  return (
    <div class="wording">
      {english
        ? (
          <>
            <Quote text={wording.en} lang="en" />
            <p class="wording__lang">{t('wording.frenchOriginal')}</p>
            <Quote text={wording.fr} lang="fr" />
          </>
          )
        : <Quote text={wording.fr} lang="fr" />}
      {copy && (
        <p class="wording__copy">
          <button type="button" class="button button--secondary button--small" onClick={() => { void onCopy() }}>{t('wording.copy')}</button>
          <span class="wording__copied" role="status">
            {copied === 'done' ? t('wording.copied') : copied === 'failed' ? t('wording.copyFailed') : ''}
          </span>
        </p>
      )}
    </div>
  )
}
