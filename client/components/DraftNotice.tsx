/** « Brouillon restauré »: the notice of a draft restored from this browser, with a way to discard it. */
import { t } from '../i18n/index.ts'

/** The notice; `onDiscard` brings the form back to its untouched state and forgets the draft. */
export function DraftNotice ({ onDiscard }: { onDiscard: () => void }) {
  return (
    <p class="notice-box draft-notice" role="status" data-draft="restored">
      <span>{t('draft.restored')}</span>{' '}
      <button type="button" class="button button--link" onClick={onDiscard}>{t('draft.discard')}</button>
    </p>
  )
}
