/** The status of an amendment in words (and a sign), never colour alone: proposé, adopté, rejeté, retiré. */
import type { AmendmentView } from '../api.ts'
import { t } from '../i18n/index.ts'

const KEY = { proposed: 'amendment.status.proposed', accepted: 'amendment.status.accepted', rejected: 'amendment.status.rejected', withdrawn: 'amendment.status.withdrawn' } as const
const SIGN = { proposed: '●', accepted: '✓', rejected: '✗', withdrawn: '↩' } as const

/** The word for a status in the current language. */
export function statusWord (status: AmendmentView['status']): string { return t(KEY[status]) }

/** A badge naming the status. */
export function AmendmentStatus ({ status }: { status: AmendmentView['status'] }) {
  return (
    <span class={`badge status status--${status}`} data-status={status}>
      <span aria-hidden="true">{SIGN[status]} </span>{statusWord(status)}
    </span>
  )
}
