/**
 * The facts of a consultation in one line: its phase (in words), time left
 * or dates, participants and, optionally, the number of articles.
 */
import type { BillSummaryView } from '../api.ts'
import { phaseOf, type Phase } from '../../shared/phase.ts'
import { formatDate, formatList, t, timeLeft, tn } from '../i18n/index.ts'

type BillFacts = Pick<BillSummaryView, 'status' | 'opensAt' | 'closesAt' | 'participants' | 'authors'> & { articleCount?: number; contributions?: number }

const PHASE_KEY = { draft: 'bill.status.draft', upcoming: 'bill.status.upcoming', open: 'bill.status.open', closed: 'bill.status.closed' } as const

/** A badge naming the phase of the consultation: words first, colour second. */
export function PhaseBadge ({ phase }: { phase: Phase }) {
  return <span class={`badge badge--${phase}`}>{t(PHASE_KEY[phase])}</span>
}

/** "Par Mme X et M. Y": the bill's authors as others see them. */
export function authorLine (authors: BillFacts['authors']): string {
  return authors.length ? t('bill.by', { names: formatList(authors.map(a => a.displayName)) }) : t('bill.noAuthors')
}

/** The dates of the consultation, written for its phase. */
export function datesLine (bill: BillFacts, phase: Phase): string | null {
  const opens = bill.opensAt ? formatDate(bill.opensAt) : null
  const closes = bill.closesAt ? formatDate(bill.closesAt) : null
  if (phase === 'closed' && closes) return t('bill.closedOn', { closes })
  if (phase === 'upcoming' && opens) return t('bill.opensOn', { opens })
  if (opens && closes) return t('bill.dates', { opens, closes })
  if (closes) return t('bill.closesOn', { closes })
  return null
}

/** Phase, time left, dates and participation of a bill, as a list of short facts. */
export function BillMeta ({ bill, showDates = false }: { bill: BillFacts; showDates?: boolean }) {
  const phase = phaseOf(bill)
  const left = phase === 'open' ? timeLeft(bill.closesAt) : null
  const dates = showDates ? datesLine(bill, phase) : null
  return (
    <ul class="meta">
      <li><PhaseBadge phase={phase} /></li>
      {left && <li class="meta__left">{left}</li>}
      {dates && <li class="meta__dates">{dates}</li>}
      {phase !== 'draft' && <li class="meta__participants">{tn('bill.participants', bill.participants)}</li>}
      {phase !== 'draft' && bill.contributions !== undefined && <li class="meta__contributions">{tn('bill.contributions', bill.contributions)}</li>}
      {bill.articleCount !== undefined && <li>{tn('bill.articles', bill.articleCount)}</li>}
    </ul>
  )
}
