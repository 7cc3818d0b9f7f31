/**
 * The phase of a consultation, from its status and dates: the one rule the
 * server enforces (`isOpenAt`: contributions are accepted only while open)
 * and the client explains (what the interface offers, and why not).
 */

/** Where a bill stands for its readers. */
export type Phase = 'draft' | 'upcoming' | 'open' | 'closed'

/** What the rule reads of a bill. */
export interface PhaseFacts { status: string; opensAt: string | null; closesAt: string | null }

/** The phase at `now`: open while the status is `open` and opensAt <= now < closesAt. */
export function phaseOf (bill: PhaseFacts, now = new Date()): Phase {
  if (bill.status === 'draft') return 'draft'
  if (bill.status !== 'open' || (bill.closesAt && Date.parse(bill.closesAt) <= now.getTime())) return 'closed'
  if (bill.opensAt && Date.parse(bill.opensAt) > now.getTime()) return 'upcoming'
  return 'open'
}

/** Whether contributions are accepted at `now` (the server's check before every contribution). */
export function isOpenAt (bill: PhaseFacts, now: Date): boolean {
  return phaseOf(bill, now) === 'open'
}
