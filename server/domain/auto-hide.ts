/**
 * The rule of automatic hiding: a contribution is hidden, pending a
 * moderator's review, once `threshold` verified participants reported it
 * (reports not yet reviewed; 0 turns the rule off). The stores apply it in
 * the report's own transaction (`fileReport`), so concurrent reports hide
 * the content once.
 */
import type { ReportCounts } from './store.ts'

/** Whether a target with these counts (this report included) is to be hidden now. */
export function autoHideDue (threshold: number, counts: ReportCounts): boolean {
  return threshold > 0 && counts.pendingVerified >= threshold && !counts.hidden
}
