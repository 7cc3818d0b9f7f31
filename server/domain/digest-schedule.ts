/**
 * When the daily digests are sent, and by which node. Periods are aligned on
 * the epoch (`digestHours` 24: UTC midnight to midnight) and numbered; at the
 * start of each period every node asks the store to claim it, and only the
 * node whose claim succeeds sends the digests (`sendDigests`). With one node
 * it always wins; with several (one SQLite file, or MongoDB) exactly one does,
 * without Redis: the claim is a row keyed by the period. A node that was down
 * at a boundary sends nothing for it; the notifications stay unmailed and go
 * in the next digest. A node that claims and dies half-way leaves the rest
 * unmailed too, for the next period (nothing is sent twice: each user's
 * notifications are marked mailed after their mail is queued).
 */
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import type { Ctx } from './context.ts'
import { sendDigests } from './notifications.ts'

/** The key of the digest period that contains `now` (the period length is part of it). */
export function digestPeriod (now: Date, hours: number): string {
  const ms = hours * 3_600_000
  return `${hours}h:${Math.floor(now.getTime() / ms)}`
}

/** A name for this process in digest claims (host, pid and a random part, so restarts differ). */
export function nodeName (): string {
  return `${hostname()}#${process.pid}#${randomBytes(3).toString('hex')}`
}

/**
 * Claims the current period's digest for `node` and, if the claim succeeds, sends the digests;
 * returns how many mails were queued, or null when another node (or an earlier run) has the period.
 */
export async function runDigestOnce (ctx: Ctx, node: string): Promise<number | null> {
  const now = ctx.now()
  if (!await ctx.store.claimDigest(digestPeriod(now, ctx.config.digestHours), node, now.toISOString())) return null
  const sent = await sendDigests(ctx)
  ctx.log.info({ node, sent }, 'daily digests queued')
  return sent
}

/** Runs `runDigestOnce` at the start of every period (1 s after the boundary); returns a function that stops it. */
export function scheduleDigests (ctx: Ctx, node: string): () => void {
  const ms = ctx.config.digestHours * 3_600_000
  if (!(ms > 0)) return () => {}
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  const arm = (): void => {
    if (stopped) return
    const now = Date.now()
    timer = setTimeout(() => {
      runDigestOnce(ctx, node).catch(err => ctx.log.error({ err }, 'digest failed')).finally(arm)
    }, Math.min(ms - (now % ms) + 1_000, 2 ** 31 - 1))
    timer.unref()
  }
  arm()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}
