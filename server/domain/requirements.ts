/**
 * What a bill demands of its participants before they vote, amend, argue or
 * report: nothing, a verified address, or an OpenID Connect sign-in. One
 * check, used by every contribution, so no route forgets it.
 */
import type { BillRecord, UserRecord } from './store.ts'
import type { Requirement } from '../../shared/types.ts'
import { RequirementMissing } from './errors.ts'

/** Whether `user` meets one requirement. */
export function meets (user: UserRecord, requirement: Requirement): boolean {
  if (requirement === 'verifiedEmail') return user.emailVerified === true || !!user.oidcSub
  return !!user.oidcSub
}

/** Throws 403 `requirement_missing` with the first requirement of the bill the user does not meet. */
export function assertMeetsRequirements (bill: BillRecord, user: UserRecord): void {
  for (const r of bill.requirements ?? []) {
    if (!meets(user, r)) {
      throw new RequirementMissing(r, r === 'verifiedEmail'
        ? 'confirm your e-mail address (with the link we sent you) to take part in this consultation'
        : 'sign in with the identity provider to take part in this consultation')
    }
  }
}
