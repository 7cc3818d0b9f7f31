/** The phase of a consultation as the reader sees it, from its status and dates. */
import type { BillSummaryView } from './api.ts'

export type Phase = 'draft' | 'upcoming' | 'open' | 'closed'

/**
 * Whether contributions are accepted now: the same rule as the server's
 * (status `open` and opensAt <= now < closesAt). The server stays the judge;
 * this only decides what the interface offers and explains.
 */
export function phaseOf (bill: Pick<BillSummaryView, 'status' | 'opensAt' | 'closesAt'>, now = new Date()): Phase {
  if (bill.status === 'draft') return 'draft'
  if (bill.status === 'closed') return 'closed'
  if (bill.closesAt && new Date(bill.closesAt) <= now) return 'closed'
  if (bill.opensAt && new Date(bill.opensAt) > now) return 'upcoming'
  return 'open'
}
