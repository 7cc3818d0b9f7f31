/**
 * Per-user contribution limits shared by the nodes of a cluster, counted in
 * Redis with rate-limiter-flexible: one key per user and kind, a fixed
 * window of a minute starting at the user's first contribution in it. While
 * Redis is away each node counts in its own memory (the insurance limiter),
 * so contributions go on, limited per node, rather than failing.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { contributionRefused, type ContributionKind, type ContributionLimits } from '../domain/limits.ts'
import type { RedisClient } from './redis.ts'

/** The shared limits; `perMinute` 0 turns them off. */
export function sharedContributionLimits (client: RedisClient, perMinute: number): ContributionLimits {
  const limiter = perMinute > 0
    ? new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: 'alinea:contributions',
      points: perMinute,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ points: perMinute, duration: 60 })
    })
    : null
  return {
    async take<T> (userId: string, kind: ContributionKind, write: () => Promise<T>): Promise<T> {
      if (!limiter) return await write()
      const key = `${kind}:${userId}`
      try {
        await limiter.consume(key)
      } catch (res) {
        if (res instanceof RateLimiterRes) throw contributionRefused(kind, perMinute, res.msBeforeNext / 1000)
        throw res
      }
      try {
        return await write()
      } catch (err) {
        await limiter.reward(key).catch(() => {})
        throw err
      }
    },
    refund (userId: string, kind: ContributionKind): void {
      limiter?.reward(`${kind}:${userId}`).catch(() => {})
    }
  }
}
