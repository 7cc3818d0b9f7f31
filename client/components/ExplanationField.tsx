/**
 * The exposé des motifs of a proposed amendment (article or additional
 * article): required, bounded, with its hint and its error under it.
 */
import type { Ref } from 'preact'
import { t } from '../i18n/index.ts'
import { EXPLANATION_MAX } from '../limits.ts'
import { FieldError, describedBy } from './Field.tsx'

/** The exposé field; `inputRef` lets the form focus it when it is missing. */
export function ExplanationField ({ value, onValue, error, inputRef }: {
  value: string
  onValue: (value: string) => void
  error?: string
  inputRef: Ref<HTMLTextAreaElement>
}) {
  return (
    <div class="field amend-explanation">
      <label class="field__label" for="amend-explanation">{t('amend.explanation')} <span class="required">{t('common.required')}</span></label>
      <p class="field__hint" id="amend-explanation-hint">{t('amend.explanationHint')}</p>
      <textarea
        ref={inputRef} id="amend-explanation" class="field__input" rows={6} required aria-required="true"
        maxLength={EXPLANATION_MAX} aria-describedby={describedBy('amend-explanation', true, !!error)}
        aria-invalid={error ? 'true' : undefined} value={value}
        onInput={e => onValue((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <FieldError id="amend-explanation" message={error} />
    </div>
  )
}
