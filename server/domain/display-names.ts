/**
 * Display names are how people recognise each other in a consultation, so
 * a name must show what it is: no control characters (NUL included), no
 * bidirectional overrides or isolates ("\u202eAdministrateur"), not only
 * invisible characters. Someone signing up may not take a name that looks
 * like an existing one (same look-alike key, shared/names.ts): not an exact
 * copy of another user's name, nor of a bill editor's or the demo MP's with
 * a Cyrillic letter or a zero in it.
 */
import type { Ctx } from './context.ts'
import { displayNameProblem, nameKey } from '../../shared/names.ts'
import { Conflict, InvalidInput } from './errors.ts'

/** Throws InvalidInput (400) when the name has characters no name may have. */
export function assertDisplayName (name: string): void {
  const problem = displayNameProblem(name)
  if (problem) throw new InvalidInput(problem, { issues: [{ path: 'displayName', message: problem, code: 'display_name' }] })
}

/** Throws Conflict 409 `display_name_taken` when the name looks like an existing user's. */
export async function assertNameFree (ctx: Ctx, name: string): Promise<void> {
  const key = nameKey(name)
  if (!key) return
  const same = await ctx.store.findUsersByNameKey(key, 1)
  if (same.length > 0) throw new Conflict('display_name_taken', 'another participant already has this name or one that looks like it: add something that tells you apart (a town, a middle name)')
}
