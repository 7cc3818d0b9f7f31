/**
 * Who may be among a bill's editors, and who may change them. Editors
 * draft, publish and decide, so the list is guarded:
 * - the bill's creator stays an editor unless an admin removes them (a
 *   co-editor cannot lock the creator out of their own bill);
 * - only authors, staff and admins become editors; an admin may still add
 *   anyone (a citizen rapporteur, say), who then edits but gets no staff
 *   exports (`readsStaffExports`).
 */
import type { Actor } from './context.ts'
import type { BillRecord, UserRecord } from './store.ts'
import type { Role } from '../../shared/types.ts'
import { isEditor } from './access.ts'
import { RuleBroken } from './errors.ts'

/** Roles that may be made editors by any editor. */
const EDITOR_ROLES: ReadonlySet<Role> = new Set(['author', 'staff', 'admin'])

/** Checks a new list of editors against the bill's current one; throws RuleBroken (422) when not allowed. */
export function assertEditorsChange (bill: BillRecord, actor: NonNullable<Actor>, next: UserRecord[]): void {
  if (actor.role === 'admin') return
  if (!next.some(u => u.id === bill.createdBy) && bill.editors.includes(bill.createdBy)) {
    throw new RuleBroken('creator_is_editor', 'the bill\'s creator stays among its editors; only an admin may remove them')
  }
  const added = next.filter(u => !bill.editors.includes(u.id))
  const refused = added.filter(u => !EDITOR_ROLES.has(u.role))
  if (refused.length > 0) {
    throw new RuleBroken('editor_role', 'only authors, staff and admins can be editors (an admin may add someone else)', { refused: refused.map(u => u.id) })
  }
}

/** Staff, admins, and editors who are authors: who reads staff exports (a citizen made an editor does not). */
export function readsStaffExports (bill: BillRecord, actor: Actor): boolean {
  if (!actor) return false
  if (actor.role === 'staff' || actor.role === 'admin') return true
  return isEditor(bill, actor) && EDITOR_ROLES.has(actor.role)
}
