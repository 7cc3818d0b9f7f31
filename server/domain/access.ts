/**
 * Who may see and edit a bill. Kept in one place so every route, the live
 * events and the collaboration socket apply the same rule.
 */
import type { Actor } from './context.ts'
import type { BillRecord } from './store.ts'
import { Forbidden, NotFound, Unauthenticated } from './errors.ts'

/** Editors draft, publish and decide; admins may act as editors of any bill. */
export function isEditor (bill: BillRecord, actor: Actor): boolean {
  return !!actor && (bill.editors.includes(actor.id) || actor.role === 'admin')
}

/** A draft is visible to its editors only; an open or closed bill to everyone. */
export function canSee (bill: BillRecord, actor: Actor): boolean {
  return bill.status !== 'draft' || isEditor(bill, actor)
}

/** Throws NotFound when the bill does not exist or is a draft the actor may not see. */
export function assertVisible (bill: BillRecord | null, actor: Actor): BillRecord {
  if (!bill || !canSee(bill, actor)) throw new NotFound('bill')
  return bill
}

/** Throws unless the actor edits this bill (and can see it at all). */
export function assertEditor (bill: BillRecord | null, actor: Actor): BillRecord {
  const b = assertVisible(bill, actor)
  if (!actor) throw new Unauthenticated()
  if (!isEditor(b, actor)) throw new Forbidden('only the bill\'s editors may do this')
  return b
}

/** Whether contributions are accepted now: open, and within the consultation's dates (shared/phase.ts). */
export { isOpenAt } from '../../shared/phase.ts'
