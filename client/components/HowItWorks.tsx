/**
 * "Comment ça marche": the process of a consultation in plain words, as a
 * collapsed section (it must not push the text of a bill off a phone's first
 * screen). On a bill it gives the phases with their dates and marks the
 * current one; on the home page it says the same without dates. It also
 * says who decides and what happens to a vote, an amendment and an argument.
 */
import type { BillSummaryView } from '../api.ts'
import { phaseOf, type Phase } from '../../shared/phase.ts'
import { formatDate, formatList, t, type PlainMessageKey } from '../i18n/index.ts'

type Step = 'consultation' | 'decisions' | 'synthesis'

/** What the explanation needs of a bill (a bill page's view or a list's summary). */
type BillFacts = Pick<BillSummaryView, 'status' | 'opensAt' | 'closesAt' | 'authors'>

const STEPS: readonly { step: Step; title: PlainMessageKey; body: PlainMessageKey }[] = [
  { step: 'consultation', title: 'process.consultation', body: 'process.consultationBody' },
  { step: 'decisions', title: 'process.decisions', body: 'process.decisionsBody' },
  { step: 'synthesis', title: 'process.synthesis', body: 'process.synthesisBody' }
]

/** Which step a bill is at: the consultation while open, decisions and synthesis once closed. */
function currentStep (phase: Phase): Step | null {
  if (phase === 'open') return 'consultation'
  if (phase === 'closed') return 'decisions'
  return null
}

/** The dates of a step of this bill, when it has them. */
function stepDates (step: Step, bill: BillFacts): string | null {
  if (step !== 'consultation') return step === 'decisions' && bill.closesAt ? t('process.after', { date: formatDate(bill.closesAt) }) : null
  if (bill.opensAt && bill.closesAt) return t('process.fromTo', { from: formatDate(bill.opensAt), to: formatDate(bill.closesAt) })
  if (bill.closesAt) return t('process.until', { date: formatDate(bill.closesAt) })
  return null
}

/** The process of the consultation `bill`, or of any consultation when `bill` is absent. */
export function HowItWorks ({ bill }: { bill?: BillFacts }) {
  const current = bill ? currentStep(phaseOf(bill)) : null
  return (
    <details class="how-it-works">
      <summary>{t('process.title')}</summary>
      <ol class="how-it-works__steps">
        {STEPS.map(s => {
          const dates = bill ? stepDates(s.step, bill) : null
          return (
            <li key={s.step} class="how-it-works__step" data-step={s.step} aria-current={current === s.step ? 'step' : undefined}>
              <strong>{t(s.title)}</strong>
              {dates && <> <span class="how-it-works__dates">({dates})</span></>}
              {current === s.step && <> <span class="how-it-works__now">{t('process.now')}</span></>}
              <p>{t(s.body)}</p>
            </li>
          )
        })}
      </ol>
      <p class="how-it-works__who">
        {bill && bill.authors.length > 0 ? t('process.whoDecidesBill', { names: formatList(bill.authors.map(a => a.displayName)) }) : t('process.whoDecides')}
      </p>
      <ul class="how-it-works__mine">
        <li>{t('process.myVote')}</li>
        <li>{t('process.myAmendment')}</li>
        <li>{t('process.myArgument')}</li>
      </ul>
    </details>
  )
}
