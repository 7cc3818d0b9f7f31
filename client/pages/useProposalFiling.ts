/**
 * Filing a proposed amendment, the same on the amend and additional-article
 * pages: the exposé sommaire is required (focus goes to it), one request at
 * a time, a refusal worded above the button with the exposé's own error next
 * to it; once filed, the draft is forgotten, leaving no longer asks and the
 * page shows what was filed.
 */
import { useRef, useState } from 'preact/hooks'
import type { AmendmentView } from '../api.ts'
import { t } from '../i18n/index.ts'
import { contributionError } from '../contribution-errors.ts'
import { formErrors } from '../errors.ts'
import { clearDraft } from '../drafts.ts'
import { announce } from '../components/Announcer.tsx'

/** The form's state while filing (`error`, the sentence above the button, is also set by the page's own checks), and `file`. */
export type ProposalFiling = ReturnType<typeof useProposalFiling>

/** Filing for the form whose draft is kept under `draftKey`; `onFiled` gets the amendment created. */
export function useProposalFiling (draftKey: string, onFiled: (a: AmendmentView) => void) {
  const [submitted, setSubmitted] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [explanationError, setExplanationError] = useState<string | undefined>(undefined)
  const [pending, setPending] = useState(false)
  const explanationRef = useRef<HTMLTextAreaElement>(null)

  /** Sends the amendment with `send` once the exposé (`explanation`) is written. */
  async function file (explanation: string, send: () => Promise<AmendmentView>): Promise<void> {
    if (!explanation.trim()) { setError(t('error.fieldsSummary')); setExplanationError(t('amend.explanationMissing')); explanationRef.current?.focus(); return }
    setPending(true)
    setError(null)
    setExplanationError(undefined)
    try {
      const created = await send()
      setSubmitted(true)
      clearDraft(draftKey)
      announce(t('amend.filed'))
      onFiled(created)
    } catch (err) {
      setError(contributionError(err))
      setExplanationError(formErrors(err, ['explanation']).fields.explanation)
    } finally {
      setPending(false)
    }
  }

  return { pending, submitted, error, setError, explanationError, explanationRef, file }
}
