/**
 * Per-user contribution limits: at most `config.contributionsPerMinute`
 * contributions of one kind (argument, amendment, report) in any sliding
 * minute, else 429 `rate_limited` before anything is written.
 *
 * On one node the window is kept in memory (`ContributionLimiter`): it
 * resets on restart. On a cluster (`ALINEA_REDIS_URL`) the nodes share one
 * count in Redis instead (server/cluster/contribution-limits.ts, installed
 * with `useContributionLimits`), so several nodes allow the limit once.
 */
import type { Ctx } from './context.ts'
import { perApp } from './per-app.ts'
import { RateLimited } from './errors.ts'

/** The kinds of contribution limited separately. */
export type ContributionKind = 'argument' | 'amendment' | 'report'

const PLURAL: Record<ContributionKind, string> = { argument: 'arguments', amendment: 'amendments', report: 'reports' }

/** Sweep idle users once the map holds this many keys, so memory stays bounded by active users. */
const SWEEP_AT = 10_000

/** What use cases call: reserve one contribution, write, give the reservation back if the write fails. */
export interface ContributionLimits {
  /** Reserves, runs the write, and refunds the reservation if the write throws; RateLimited (429) when over the limit. */
  take<T> (userId: string, kind: ContributionKind, write: () => Promise<T>): Promise<T>
  /** Gives back one reservation of a `take` whose write turned out to count nothing. */
  refund (userId: string, kind: ContributionKind): void
}

/** The refusal of a contribution over the limit, worded once for every implementation. */
export function contributionRefused (kind: ContributionKind, perMinute: number, waitSeconds: number): RateLimited {
  const wait = Math.max(1, Math.ceil(waitSeconds))
  return new RateLimited(`too many ${PLURAL[kind]}: at most ${perMinute} a minute; try again in ${wait} s`, wait)
}

/** A sliding-window counter of contributions per user and kind. */
export class ContributionLimiter implements ContributionLimits {
  private readonly windows = new Map<string, number[]>()

  /** `perMinute` 0 turns the limit off. */
  constructor (readonly perMinute: number, private readonly now: () => Date, readonly windowMs = 60_000) {}

  /**
   * Reserves one contribution of `kind` for `userId` now, or throws
   * RateLimited (429) when the last minute already holds `perMinute` of them.
   * Call it after every other check of the request, right before the
   * write; `refund` if the write is refused after all.
   */
  check (userId: string, kind: ContributionKind): void {
    if (this.perMinute <= 0) return
    const t = this.now().getTime()
    const key = `${kind}:${userId}`
    const times = (this.windows.get(key) ?? []).filter(x => x > t - this.windowMs)
    if (times.length >= this.perMinute) {
      this.windows.set(key, times)
      throw contributionRefused(kind, this.perMinute, (times[0] + this.windowMs - t) / 1000)
    }
    times.push(t)
    this.windows.set(key, times)
    if (this.windows.size > SWEEP_AT) this.sweep(t)
  }

  /** Gives back the latest reservation of `check` (the contribution was not stored). */
  refund (userId: string, kind: ContributionKind): void {
    this.windows.get(`${kind}:${userId}`)?.pop()
  }

  /** Reserves, runs the write, and refunds the reservation if the write throws. */
  async take<T> (userId: string, kind: ContributionKind, write: () => Promise<T>): Promise<T> {
    this.check(userId, kind)
    try {
      return await write()
    } catch (err) {
      this.refund(userId, kind)
      throw err
    }
  }

  private sweep (t: number): void {
    for (const [key, times] of this.windows) {
      if (times.length === 0 || times[times.length - 1] <= t - this.windowMs) this.windows.delete(key)
    }
  }
}

const limiters = perApp<ContributionLimits>(ctx => new ContributionLimiter(ctx.config.contributionsPerMinute, ctx.now))

/** Installs the limits of an app (a cluster's shared ones) in place of the in-memory default. */
export function useContributionLimits (ctx: Ctx, limits: ContributionLimits): void {
  limiters.set(ctx, limits)
}

/** The limiter of an app (one per `ctx`, created on first use with its settings and clock). */
export function contributionLimiter (ctx: Ctx): ContributionLimits {
  return limiters.of(ctx)
}
