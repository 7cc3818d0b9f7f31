/**
 * The whole French catalogue, Alinea's default language: every part in one
 * object. Its keys are the reference (en/ provides the same ones, checked by
 * the compiler) and its texts type the `{placeholders}` of `t`. Vocabulary
 * follows docs/DOMAIN.md ("Pour · Mitigé · Contre", "alinéa", ...); plural
 * forms are keys suffixed with `.one` / `.other` (Intl.PluralRules).
 *
 * For types and tests only: the client never imports it at run time (that
 * would put every message in the main bundle). It loads main.ts, and each
 * chunk registers its own parts (chunks/).
 */
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

/** Every part, by name (a test checks that no key is in two parts). */
export const frParts = {
  shell, errors, bill, contributions, signIn, councilBox,
  staffDecisions, staffModeration, staffSynthesis, staffAccount, editorsSpace, councilPages, councilComposition, identityPages
}

/** Every French message. */
export const fr = {
  ...shell, ...errors, ...bill, ...contributions, ...signIn, ...councilBox,
  ...staffDecisions, ...staffModeration, ...staffSynthesis, ...staffAccount, ...editorsSpace, ...councilPages, ...councilComposition, ...identityPages
} as const

/** A message key: every key of the French catalogue. */
export type MessageKey = keyof typeof fr

/** A catalogue: one string per key, the same keys in every language. */
export type Catalogue = Record<MessageKey, string>
