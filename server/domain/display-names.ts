/**
 * Display names are how people recognise each other in a consultation, so
 * a name must show what it is: no control characters (NUL included), no
 * bidirectional overrides or isolates ("\u202eAdministrateur"), not only
 * invisible characters. Someone signing up may not take a name that looks
 * like the name of someone who speaks for the institution (a member of
 * parliament, staff, a moderator, an admin: the same look-alike key,
 * shared/names.ts), exactly or with a Cyrillic letter or a zero in it.
 * Citizens may share a name: two real people called Jean Martin both take part.
 */
import type { Ctx } from './context.ts'
import { displayNameProblem, nameKey } from '../../shared/names.ts'
import { Conflict, InvalidInput } from './errors.ts'

/** Throws InvalidInput (400) when the name has characters no name may have. */
export function assertDisplayName (name: string): void {
  const problem = displayNameProblem(name)
  if (problem) throw new InvalidInput(problem, { issues: [{ path: 'displayName', message: problem, code: 'display_name' }] }, [{ path: 'displayName', code: 'display_name' }])
}

/** Throws Conflict 409 `display_name_taken` when the name looks like an MP's, staff's, a moderator's or an admin's. */
export async function assertNameFree (ctx: Ctx, name: string, self: string | null = null): Promise<void> {
  const key = nameKey(name)
  if (!key) return
  const same = await ctx.store.findUsersByNameKey(key, 50)
  if (same.some(u => u.role !== 'citizen' && u.id !== self)) throw new Conflict('display_name_taken', 'this name, or one that looks like it, is that of a member of parliament or of the platform\'s staff: add something that tells you apart (a town, a middle name)')
}
