/**
 * In which revision each article's text last changed (issue 16), from the
 * content hashes the revisions froze: an article's text changed in revision
 * N when its hash there differs from its hash in N-1 (or it was not in N-1).
 * Revisions are immutable, so the answer for a bill only changes when a new
 * revision is published: it is computed once per bill and latest revision,
 * and kept in a small per-app cache.
 */
import type { Ctx } from './context.ts'
import { perApp } from './per-app.ts'
import type { BillRecord, RevisionCount } from './store.ts'
import type { ArticleChangeView } from '../../shared/api.ts'
import type { Tally } from '../../shared/types.ts'

/** Per article id, when its current text was published. */
export type ArticleChanges = Map<string, ArticleChangeView>

/** Bills whose history a process keeps (least recently computed dropped first). */
const MAX_BILLS = 500

const caches = perApp(() => new Map<string, { revision: number; changes: Promise<ArticleChanges> }>())

/** Walks the bill's revisions 1..latest and notes where each article's hash changed. */
async function compute (ctx: Ctx, billId: string, latest: number): Promise<ArticleChanges> {
  const out: ArticleChanges = new Map()
  let before: Map<string, string> | null = null
  for (let n = 1; n <= latest; n++) {
    const rev = await ctx.store.getRevision(billId, n)
    if (!rev) { before = null; continue }
    for (const a of rev.articles) {
      const hash = before?.get(a.id)
      if (hash === undefined) out.set(a.id, { revision: n, at: rev.publishedAt, previous: null })
      else if (hash !== a.hash) out.set(a.id, { revision: n, at: rev.publishedAt, previous: n - 1 })
    }
    before = new Map(rev.articles.map(a => [a.id, a.hash]))
  }
  return out
}

/** When each article of the bill's latest revision last changed (empty for a bill never published). */
export async function articleChanges (ctx: Ctx, bill: BillRecord): Promise<ArticleChanges> {
  if (bill.revision === 0) return new Map()
  const cache = caches.of(ctx)
  const hit = cache.get(bill.id)
  if (hit && hit.revision === bill.revision) return hit.changes
  const entry = { revision: bill.revision, changes: compute(ctx, bill.id, bill.revision) }
  cache.delete(bill.id)
  cache.set(bill.id, entry)
  if (cache.size > MAX_BILLS) cache.delete(cache.keys().next().value!)
  const own = cache
  entry.changes.catch(() => { if (own.get(bill.id) === entry) own.delete(bill.id) })
  return entry.changes
}

/**
 * The tally with its split by text: votes cast in revision `since` (when the
 * article's text last changed) or later are on the current text, the others
 * on an earlier one. The totals are kept as they are (all votes count).
 */
export function splitTally (tally: Tally, counts: RevisionCount[], since: number): Tally {
  const earlier = { for: 0, mixed: 0, against: 0 }
  for (const c of counts) {
    if (c.revision >= since) continue
    earlier.for += c.tally.for
    earlier.mixed += c.tally.mixed
    earlier.against += c.tally.against
  }
  const current = { for: tally.for - earlier.for, mixed: tally.mixed - earlier.mixed, against: tally.against - earlier.against }
  return { for: tally.for, mixed: tally.mixed, against: tally.against, byRevision: { since, current, earlier } }
}

/**
 * The articles' tallies split by text, for the articles of a published bill
 * whose text changed after revision 1 (the others keep their plain tally:
 * all their votes are on their current text).
 */
export async function splitTallies (ctx: Ctx, bill: BillRecord, tallies: Map<string, Tally>): Promise<Map<string, Tally>> {
  if (bill.revision <= 1) return tallies
  const changes = await articleChanges(ctx, bill)
  // Unchanged since revision 1: every vote is on the current text, and the tally stays as it always was.
  const changed = [...tallies.keys()].filter(id => (changes.get(id)?.revision ?? 1) > 1)
  if (changed.length === 0) return tallies
  const counts = await ctx.store.getRevisionTallies(changed)
  const out = new Map(tallies)
  for (const id of changed) out.set(id, splitTally(tallies.get(id)!, counts.get(id) ?? [], changes.get(id)!.revision))
  return out
}
