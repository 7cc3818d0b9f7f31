/**
 * The debate on an article or an amendment: arguments in two columns,
 * "Pour" and "Contre" (stacked on a phone), best first or most recent, with
 * a sign-in link for signed-out readers and the reason when closed.
 */
import { useState } from 'preact/hooks'
import type { ArgumentSort, ArgumentTargetRef, ArgumentView } from '../api.ts'
import type { Phase } from '../../shared/phase.ts'
import { t } from '../i18n/index.ts'
import type { SessionState } from '../session.ts'
import { ArgumentColumn } from './ArgumentColumn.tsx'

export interface ArgumentsSectionProps {
  billId: string
  target: ArgumentTargetRef
  /** undefined while the bill is loading: the lists show, the forms wait. */
  phase: Phase | undefined
  me: SessionState
  epoch: number
  /** Where the sign-in link comes back to. */
  returnTo: string
  /** False when arguments are refused for another reason (e.g. a decided amendment). */
  accepting?: boolean
  onPosted?: (a: ArgumentView) => void
}

/** Sort control and both columns. */
export function ArgumentsSection (props: ArgumentsSectionProps) {
  const { billId, target, phase, me, epoch, returnTo, onPosted } = props
  const [sort, setSort] = useState<ArgumentSort>('upvotes')
  const open = phase === 'open' && props.accepting !== false
  const sortId = `arguments-sort-${target.id}`
  return (
    <div class="arguments">
      <div class="list-tools">
        <label for={sortId}>{t('sort.label')}</label>
        <select id={sortId} class="select" value={sort} onChange={e => setSort((e.currentTarget as HTMLSelectElement).value as ArgumentSort)}>
          <option value="upvotes">{t('argument.sort.upvotes')}</option>
          <option value="recent">{t('argument.sort.recent')}</option>
        </select>
      </div>
      {me === null && phase === 'open' && (
        <p class="arguments__signin">
          {t('argument.signedOut')} <a href={`/login?next=${encodeURIComponent(returnTo)}`}>{t('argument.signInLink')}</a>
        </p>
      )}
      {phase === 'closed' && <p class="arguments__closed">{t('argument.closed')}</p>}
      <div class="arguments__columns">
        <ArgumentColumn billId={billId} target={target} side="for" sort={sort} me={me} open={open} epoch={epoch} onPosted={onPosted} />
        <ArgumentColumn billId={billId} target={target} side="against" sort={sort} me={me} open={open} epoch={epoch} onPosted={onPosted} />
      </div>
    </div>
  )
}
