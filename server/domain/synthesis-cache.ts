/**
 * A bill's synthesis, computed once and shared: concurrent requests for the
 * same bill wait for one computation (400 simultaneous requests cost one),
 * and the result is reused for `config.synthesisCacheMs` unless a write to
 * the bill comes first (any domain event about the bill: a vote, an
 * amendment, an argument, a decision, a moderation, a publication). A
 * synthesis is the same for every viewer allowed to read it (hidden content
 * is never in it), so one copy per bill serves them all.
 *
 * When the store's queue of long reads is full, the request gets 503 with
 * Retry-After instead of waiting without bound.
 */
import type { Ctx } from './context.ts'
import { perApp } from './per-app.ts'
import type { DomainEvents } from './events.ts'
import type { BillRecord } from './store.ts'
import { StoreBusyError } from './store.ts'
import type { SynthesisView } from '../../shared/api.ts'
import { Unavailable } from './errors.ts'

interface Entry { version: number; key: string; at: number; value: Promise<SynthesisView> }

/** Events about one bill. */
type BillEvent = { [K in keyof DomainEvents]: DomainEvents[K] extends { billId: string } ? K : never }[keyof DomainEvents]

/** Events after which a bill's synthesis may differ. */
const WRITES: BillEvent[] = [
  'tally', 'bill:published', 'bill:closed', 'bill:updated', 'amendment:created', 'amendment:decided', 'amendment:withdrawn',
  'argument:created', 'argument:updated', 'argument:deleted', 'upvotes', 'moderated',
  'council:updated', 'council:drawn', 'council:seat-replaced'
]

/** Bills kept at most; the oldest entry goes first. */
const MAX_BILLS = 500

/** The synthesis cache of one app. */
export class SynthesisCache {
  private readonly entries = new Map<string, Entry>()
  private readonly versions = new Map<string, number>()

  constructor (private readonly ctx: Ctx) {
    for (const name of WRITES) {
      ctx.events.on(name, payload => { this.invalidate(payload.billId) })
    }
  }

  /** Forgets a bill's synthesis (a write happened). */
  invalidate (billId: string): void {
    this.versions.set(billId, (this.versions.get(billId) ?? 0) + 1)
    this.entries.delete(billId)
    if (this.versions.size > MAX_BILLS * 4) this.versions.clear()
  }

  /** The synthesis of `bill`, from the cache when fresh, else from `compute` (once for concurrent callers). */
  get (bill: BillRecord, compute: () => Promise<SynthesisView>): Promise<SynthesisView> {
    const ttl = this.ctx.config.synthesisCacheMs
    if (ttl <= 0) return busyAsUnavailable(compute())
    const now = this.ctx.now().getTime()
    const version = this.versions.get(bill.id) ?? 0
    // The bill's own state is part of the key: a change made elsewhere (another process) shows at once.
    const key = `${bill.status}|${bill.revision}|${bill.updatedAt}`
    const hit = this.entries.get(bill.id)
    if (hit && hit.version === version && hit.key === key && now - hit.at < ttl) return hit.value
    const value = busyAsUnavailable(compute())
    const entry: Entry = { version, key, at: now, value }
    this.entries.delete(bill.id)
    this.entries.set(bill.id, entry)
    if (this.entries.size > MAX_BILLS) this.entries.delete(this.entries.keys().next().value!)
    // A failure is not kept: the next request tries again.
    value.catch(() => { if (this.entries.get(bill.id) === entry) this.entries.delete(bill.id) })
    return value
  }
}

function busyAsUnavailable (p: Promise<SynthesisView>): Promise<SynthesisView> {
  return p.catch(err => {
    if (err instanceof StoreBusyError) throw new Unavailable('the server is busy computing syntheses; try again in a moment', err.retryAfterSeconds)
    throw err
  })
}

const caches = perApp(ctx => new SynthesisCache(ctx))

/** The synthesis cache of an app (one per `ctx`, listening to its events from first use). */
export function synthesisCache (ctx: Ctx): SynthesisCache {
  return caches.of(ctx)
}
