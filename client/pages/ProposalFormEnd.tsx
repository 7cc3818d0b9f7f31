/** The end of the amend and additional-article forms: the exposé sommaire, the refusal, « Déposer » and « Annuler ». */
import { t } from '../i18n/index.ts'
import { FormError } from '../components/FormError.tsx'
import { ExplanationField } from '../components/ExplanationField.tsx'
import type { ProposalFiling } from './useProposalFiling.ts'

/** `ready`: the editor's chunk is loaded; `cancelHref`: where « Annuler » goes back to. */
export function ProposalFormEnd ({ filing, explanation, onExplanation, ready, cancelHref }: {
  filing: ProposalFiling
  explanation: string
  onExplanation: (value: string) => void
  ready: boolean
  cancelHref: string
}) {
  return (
    <>
      <ExplanationField value={explanation} onValue={onExplanation} error={filing.explanationError} inputRef={filing.explanationRef} />
      <FormError message={filing.error} />
      <p class="amend-form__actions">
        <button type="submit" class="button button--primary" aria-disabled={filing.pending || !ready}>
          {filing.pending ? t('amend.submitting') : t('amend.submit')}
        </button>
        <a href={cancelHref}>{t('common.cancel')}</a>
      </p>
    </>
  )
}
