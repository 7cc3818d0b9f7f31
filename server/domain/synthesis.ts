/**
 * The synthesis of a consultation, which parliamentary staff turn into a
 * report the day it closes: participation (participants by profile type,
 * contributions by kind, activity per day), then for each article in order
 * its tally and shares, its amendments and arguments counted, the most
 * supported amendments, the most upvoted arguments per side, the decided
 * amendments with the editors' responses; and the consolidated text.
 *
 * Who: anyone who may see the bill reads the synthesis (it is public: hidden
 * content is never put forward, and a decided amendment that is hidden
 * shows its place and flag, not its text). The exports are checked here
 * too: open data (json, akn) for anyone who may see the bill, reports and
 * tables for staff, the bill's editors and admins, and the staff audience
 * (hidden content included, flagged) for those same people.
 *
 * Every figure comes from the store's counters and aggregates, so its cost
 * grows with the number of articles and decisions, not with the votes.
 */
import type { Ctx, Actor } from './context.ts'
import type { BillRecord } from './store.ts'
import type { ExportFormat, SynthesisView } from '../../shared/api.ts'
import type { PublicUser } from '../../shared/types.ts'
import { WILSON_Z } from './ranking.ts'
import { assertVisible } from './access.ts'
import { readsStaffExports } from './editors.ts'
import { publicView } from './accounts.ts'
import { Forbidden, Unauthenticated } from './errors.ts'
import { getConsolidated } from './consolidation.ts'
import { articleSyntheses, type PeopleNeeded } from './synthesis-articles.ts'
import { synthesisCache } from './synthesis-cache.ts'
import { councilSynthesis } from './council/summary.ts'
import { discussionEntries, discussionOf } from './synthesis-discussion.ts'

/** Who reads an export: the public (hidden content withheld) or staff (hidden content included, flagged). */
export type Audience = 'public' | 'staff'

/** Formats anyone who may see the bill may export: the open data. */
const OPEN_FORMATS: ReadonlySet<ExportFormat> = new Set(['json', 'akn'])

/** What the synthesis says of its ranking (the reports translate it). */
export const RANKING_DESCRIPTION = 'Amendments are ranked by the lower bound of the 95 % Wilson score interval of their support among votes ' +
  '(a "for" counts 1, a "mixed" 1/2, an "against" 0), so that a few enthusiastic votes do not outrank a broad, well-tested support; ' +
  'amendments nobody supports come last. Arguments are ranked by upvotes.'

/** Staff, the bill's editors and admins: who gets reports, tables and the staff audience (not a citizen an admin made an editor). */
export function canReadStaffExports (bill: BillRecord, actor: Actor): boolean {
  return readsStaffExports(bill, actor)
}

/**
 * Checks that the actor may export this bill in this format for this
 * audience (default: public for open data, staff for the rest); returns the
 * bill and the audience. 404 for a bill they may not see, 401/403 otherwise.
 */
export async function authorizeExport (ctx: Ctx, actor: Actor, billId: string, format: ExportFormat, audience?: Audience): Promise<{ bill: BillRecord; audience: Audience }> {
  const bill = assertVisible(await ctx.store.getBill(billId), actor)
  const wanted: Audience = audience ?? (OPEN_FORMATS.has(format) ? 'public' : 'staff')
  if (OPEN_FORMATS.has(format) && wanted === 'public') return { bill, audience: wanted }
  if (!actor) throw new Unauthenticated('sign in as staff, an editor of this bill or an admin to get this export')
  if (!canReadStaffExports(bill, actor)) {
    throw new Forbidden(OPEN_FORMATS.has(format)
      ? 'the staff version of the open data is for staff, the bill\'s editors and admins'
      : `the ${format} export is for staff, the bill's editors and admins (the open data is in json and akn)`)
  }
  return { bill, audience: wanted }
}

/** The synthesis of a bill (anyone who may see it). */
export async function getSynthesis (ctx: Ctx, actor: Actor, billId: string): Promise<SynthesisView> {
  const bill = assertVisible(await ctx.store.getBill(billId), actor)
  return synthesisOf(ctx, bill)
}

/** The synthesis of a bill already authorised (the exports call this); shared and reused (synthesis-cache.ts). */
export function synthesisOf (ctx: Ctx, bill: BillRecord): Promise<SynthesisView> {
  return synthesisCache(ctx).get(bill, () => computeSynthesis(ctx, bill))
}

async function computeSynthesis (ctx: Ctx, bill: BillRecord): Promise<SynthesisView> {
  const people: PeopleNeeded = new Set(bill.editors)
  const [participation, articles, consolidated] = await Promise.all([
    ctx.store.participation(bill.id),
    bill.revision > 0 ? ctx.store.listArticles(bill.id) : Promise.resolve([]),
    // A published bill is never a draft again, so the public may read its consolidated text.
    bill.status !== 'draft' ? getConsolidated(ctx, null, bill.id) : Promise.resolve({ billId: bill.id, revision: 0, articles: [] })
  ])
  const draft = await articleSyntheses(ctx, bill, articles, people)
  const liasse = bill.revision > 0 ? await discussionOf(ctx, bill.id, articles) : []
  for (const a of liasse) people.add(a.authorId)
  const users = await ctx.store.getUsers([...people])
  const byId = new Map(users.map(u => [u.id, publicView(u)]))
  const person = (id: string): PublicUser => byId.get(id) ?? { id, displayName: '?', profileType: 'citizen' }
  const p = participation
  return {
    bill: {
      id: bill.id,
      title: bill.title,
      summary: bill.summary,
      status: bill.status,
      opensAt: bill.opensAt,
      closesAt: bill.closesAt,
      revision: bill.revision,
      authors: bill.editors.map(person)
    },
    generatedAt: ctx.now().toISOString(),
    ranking: { method: 'wilson-lower-bound', confidence: 0.95, description: `${RANKING_DESCRIPTION} (z = ${WILSON_Z})` },
    participation: {
      participants: {
        total: p.participants.citizen + p.participants.organisation + p.participants.institution,
        ...p.participants
      },
      contributions: {
        votes: {
          total: p.votes.article + p.votes.amendment + p.votes.argument,
          articles: p.votes.article,
          amendments: p.votes.amendment,
          arguments: p.votes.argument
        },
        amendments: p.amendments,
        arguments: p.arguments
      },
      days: p.days
    },
    articles: draft(person),
    consolidated,
    council: await councilSynthesis(ctx, bill.id),
    discussion: discussionEntries(liasse, articles, person)
  }
}
