/**
 * The whole English catalogue: the same keys as the French one (the compiler
 * checks it), vocabulary from docs/DOMAIN.md ("For · Mixed · Against",
 * "paragraph", ...). For types and tests only, like fr/index.ts.
 */
import type { Catalogue } from '../fr/index.ts'
import { shell } from './shell.ts'
import { errors } from './errors.ts'
import { bill } from './bill.ts'
import { contributions } from './contributions.ts'
import { signIn } from './sign-in.ts'
import { councilBox } from './council-box.ts'
import { staffDecisions } from './staff-decisions.ts'
import { staffModeration } from './staff-moderation.ts'
import { staffSynthesis } from './staff-synthesis.ts'
import { staffAccount } from './staff-account.ts'
import { editorsSpace } from './editors-space.ts'
import { councilPages } from './council-pages.ts'
import { councilComposition } from './council-composition.ts'
import { identityPages } from './identity-pages.ts'

/** Every part, by name, as fr/index.ts lists them. */
export const enParts = {
  shell, errors, bill, contributions, signIn, councilBox,
  staffDecisions, staffModeration, staffSynthesis, staffAccount, editorsSpace, councilPages, councilComposition, identityPages
}

/** Every English message. */
export const en: Catalogue = {
  ...shell, ...errors, ...bill, ...contributions, ...signIn, ...councilBox,
  ...staffDecisions, ...staffModeration, ...staffSynthesis, ...staffAccount, ...editorsSpace, ...councilPages, ...councilComposition, ...identityPages
}
