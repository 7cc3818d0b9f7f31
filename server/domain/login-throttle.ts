/**
 * Per-account sign-in limit with exponential backoff, besides the
 * per-address limit of the HTTP layer (which a botnet gets around): after
 * `config.loginFailuresBeforeBackoff` failed attempts on one email, each
 * further attempt must wait 1 s, then 2 s, 4 s ... up to 15 minutes, and is
 * refused (429, before the password is even checked) while it waits. A
 * successful sign-in clears the account's count. Unknown emails are counted
 * the same way, so the answer says nothing of which accounts exist.
 *
 * Kept in memory per process, like the contribution limits: a restart
 * forgets it, several processes each allow the limit.
 */
import type { Ctx } from './context.ts'
import { perApp } from './per-app.ts'
import { RateLimited } from './errors.ts'

/** The first wait, doubled at each further failure. */
const BASE_MS = 1000
/** The longest wait: bounded, so a stranger cannot keep someone out for long. */
const CAP_MS = 15 * 60_000
/** An account's count is forgotten after this long without a failure. */
const FORGET_MS = 60 * 60_000
/** Sweep forgotten accounts once the map holds this many keys. */
const SWEEP_AT = 10_000

interface State { failures: number; lockedUntil: number; lastAt: number }

/** Failed sign-ins per account, and the wait they impose. */
export class LoginThrottle {
  private readonly accounts = new Map<string, State>()

  /** `threshold` 0 turns the limit off. */
  constructor (readonly threshold: number, private readonly now: () => Date) {}

  /**
   * Counts one attempt on `key` (a normalised email) as a failure before it
   * is checked, so concurrent guesses cannot slip past the limit, or throws
   * RateLimited while the account waits. Call `succeeded` when the password
   * was right.
   */
  attempt (key: string): void {
    if (this.threshold <= 0) return
    const t = this.now().getTime()
    let s = this.accounts.get(key)
    if (s && t - s.lastAt > FORGET_MS) s = undefined
    if (s && s.lockedUntil > t) {
      const wait = Math.max(1, Math.ceil((s.lockedUntil - t) / 1000))
      throw new RateLimited(`too many failed sign-ins for this account; try again in ${wait} s`, wait)
    }
    if (!s) s = { failures: 0, lockedUntil: 0, lastAt: t }
    s.failures++
    s.lastAt = t
    if (s.failures >= this.threshold) s.lockedUntil = t + Math.min(CAP_MS, BASE_MS * 2 ** Math.min(30, s.failures - this.threshold))
    this.accounts.set(key, s)
    if (this.accounts.size > SWEEP_AT) this.sweep(t)
  }

  /** The password was right: the account's count starts again. */
  succeeded (key: string): void {
    this.accounts.delete(key)
  }

  private sweep (t: number): void {
    for (const [key, s] of this.accounts) if (t - s.lastAt > FORGET_MS && s.lockedUntil <= t) this.accounts.delete(key)
  }
}

const throttles = perApp(ctx => new LoginThrottle(ctx.config.loginFailuresBeforeBackoff, ctx.now))

/** The sign-in throttle of an app (one per `ctx`, with its settings and clock). */
export function loginThrottle (ctx: Ctx): LoginThrottle {
  return throttles.of(ctx)
}
