/**
 * The messages of the main bundle, in both languages: what the reading and
 * contributing pages, the sign-in forms and the shell of every page say.
 * The pages loaded on demand bring their own (chunks/).
 */
import { shell as frShell } from './fr/shell.ts'
import { errors as frErrors } from './fr/errors.ts'
import { bill as frBill } from './fr/bill.ts'
import { contributions as frContributions } from './fr/contributions.ts'
import { signIn as frSignIn } from './fr/sign-in.ts'
import { councilBox as frCouncilBox } from './fr/council-box.ts'
import { shell as enShell } from './en/shell.ts'
import { errors as enErrors } from './en/errors.ts'
import { bill as enBill } from './en/bill.ts'
import { contributions as enContributions } from './en/contributions.ts'
import { signIn as enSignIn } from './en/sign-in.ts'
import { councilBox as enCouncilBox } from './en/council-box.ts'

/** The main bundle's messages, French and English. */
export const mainMessages = {
  fr: { ...frShell, ...frErrors, ...frBill, ...frContributions, ...frSignIn, ...frCouncilBox },
  en: { ...enShell, ...enErrors, ...enBill, ...enContributions, ...enSignIn, ...enCouncilBox }
}
