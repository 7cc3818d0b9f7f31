/**
 * What viewers read of amendments: one amendment with its tally, the
 * viewer's vote, its stale flag and (for a stale proposed one) the rebase
 * on offer; and an article's amendments in pages, most supported, most
 * recent or in a random order that stays the same for one viewer.
 *
 * An amendment hidden by moderation keeps its place, author, tally and
 * status; its explanation becomes "hidden by moderation: <reason>" and its
 * text, diff, wording and rebase are withheld, except from its author, the
 * bill's editors (who decide on it) and moderators.
 */
import { z } from 'zod'
import type { Ctx, Actor } from './context.ts'
import type { AmendmentListKey, AmendmentRecord, AmendmentScope, ArticleRecord, BillRecord } from './store.ts'
import type { AmendmentListQuery, AmendmentView } from '../../shared/api.ts'
import type { PublicUser, VoteValue } from '../../shared/types.ts'
import { newId } from '../../shared/ids.ts'
import { randomSeed } from './ranking.ts'
import { canSee, isEditor } from './access.ts'
import { publicView } from './accounts.ts'
import { InvalidInput, NotFound } from './errors.ts'
import { isStale, rebaseOf, styledWording, type Rebase } from './amendment-text.ts'
import { describeAddition, isAdditionStale, movedAnchor } from './additional-articles.ts'
import { discussionOrder, fallenAmendments } from './discussion.ts'
import { visibleAmendment } from './amendments.ts'
import { hiddenBody, isModerator, visibilityOf } from './moderation-state.ts'

/** Whether the actor reads a hidden amendment's text: its author, the bill's editors, moderators. */
function readsHidden (actor: Actor, bill: BillRecord, amendment: AmendmentRecord): boolean {
  return !!actor && (actor.id === amendment.authorId || isEditor(bill, actor) || isModerator(actor))
}

/** The ids of `amendments` that have fallen (see `discussion.ts`); reads the bill's accepted amendments only when one could have. */
async function fallenOf (ctx: Ctx, bill: BillRecord, amendments: AmendmentRecord[], articles: Map<string, ArticleRecord>): Promise<Set<string>> {
  if (!amendments.some(a => a.status === 'proposed' && a.kind === 'article')) return new Set()
  return fallenAmendments(amendments, await ctx.store.listAcceptedAmendments(bill.id), articles)
}

/** Amendment records of one bill as the API shows them to this actor (without `rebase`, which only the single GET computes). */
export async function amendmentViews (ctx: Ctx, actor: Actor, bill: BillRecord, amendments: AmendmentRecord[], articles: Map<string, ArticleRecord>): Promise<AmendmentView[]> {
  const ids = amendments.map(a => a.id)
  const userIds = [...new Set(amendments.flatMap(a => a.decision ? [a.authorId, a.decision.by] : [a.authorId]))]
  const [tallies, mine, users, visibility, argumentCounts, fallen] = await Promise.all([
    ctx.store.getTallies('amendment', ids),
    actor ? ctx.store.getUserVotes(actor.id, 'amendment', ids) : Promise.resolve(new Map<string, VoteValue>()),
    ctx.store.getUsers(userIds),
    visibilityOf(ctx, 'amendment', ids),
    ctx.store.countArguments('amendment', ids),
    fallenOf(ctx, bill, amendments, articles)
  ])
  const byId = new Map(users.map(u => [u.id, publicView(u)]))
  const person = (id: string): PublicUser => byId.get(id) ?? { id, displayName: '?', profileType: 'citizen' }
  return amendments.map(a => {
    const article = articles.get(a.articleId)
    const v = visibility.get(a.id)!
    const shown = !v.hidden || readsHidden(actor, bill, a)
    const added = a.kind === 'addArticle'
    return {
      id: a.id,
      billId: a.billId,
      number: a.number,
      kind: a.kind,
      articleId: added ? null : a.articleId,
      position: added ? (a.position === 'before' ? { before: a.articleId } : { after: a.articleId }) : null,
      heading: shown ? a.heading : null,
      origin: a.origin,
      applies: a.applies,
      appliesReason: a.appliesReason,
      falls: fallen.has(a.id),
      baseRevision: a.baseRevision,
      alineas: shown ? a.alineas : [],
      explanation: shown ? a.explanation : hiddenBody(v.hiddenReason),
      status: a.status,
      author: person(a.authorId),
      tally: tallies.get(a.id)!,
      myVote: mine.get(a.id) ?? null,
      argumentCount: argumentCounts.get(a.id) ?? { for: 0, against: 0 },
      diff: shown ? a.diff : null,
      wording: shown ? styledWording(a, bill.wordingStyle) : null,
      hidden: v.hidden,
      hiddenReason: v.hiddenReason,
      stale: article ? isStale(a, article) : true,
      decision: a.decision ? { by: person(a.decision.by), at: a.decision.at, response: a.decision.response } : null,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt
    }
  })
}

/** One amendment, with the rebase on offer when it is stale and still proposed. */
export async function getAmendmentView (ctx: Ctx, actor: Actor, id: string): Promise<AmendmentView> {
  const { amendment, bill } = await visibleAmendment(ctx, actor, id)
  const article = await ctx.store.getArticle(amendment.articleId)
  const articles = new Map(article ? [[article.id, article]] : [])
  const [view] = await amendmentViews(ctx, actor, bill, [amendment], articles)
  const rebase = await rebaseFor(ctx, bill, amendment, article, view)
  return rebase ? { ...view, rebase } : view
}

/** The rebase on offer for an amendment as `view` shows it (none when its text is withheld or its article left the bill). */
async function rebaseFor (ctx: Ctx, bill: BillRecord, amendment: AmendmentRecord, article: ArticleRecord | null | undefined, view: AmendmentView): Promise<Rebase | null> {
  const rebase = !article || view.diff === null
    ? null
    : amendment.kind === 'addArticle' ? await additionRebase(ctx, amendment, article) : rebaseOf(amendment, article)
  // An article's rebase is worded in the bill's house style (an additional article has its own wording).
  if (rebase?.clean === true && amendment.kind !== 'addArticle') rebase.wording = styledWording(rebase, bill.wordingStyle)
  return rebase
}

/**
 * The stale proposed amendments of a page of a bill's list, with the rebase
 * on offer (as GET /amendments/:id gives it): the editors decide on the text
 * as it would apply today. Only those rows are read again.
 */
async function withRebases (ctx: Ctx, bill: BillRecord, page: { items: AmendmentView[]; next: string | null }, articles: Map<string, ArticleRecord>): Promise<{ items: AmendmentView[]; next: string | null }> {
  const items = await Promise.all(page.items.map(async view => {
    if (!view.stale || view.status !== 'proposed' || view.diff === null) return view
    const amendment = await ctx.store.getAmendment(view.id)
    if (!amendment) return view
    const rebase = await rebaseFor(ctx, bill, amendment, articles.get(amendment.articleId), view)
    return rebase ? { ...view, rebase } : view
  }))
  return { items, next: page.next }
}

/** The rebase on offer for a stale, proposed additional article: the same alinéas next to the (possibly moved) anchor. */
async function additionRebase (ctx: Ctx, amendment: AmendmentRecord, anchor: ArticleRecord): Promise<Rebase | null> {
  if (amendment.status !== 'proposed' || !isAdditionStale(amendment, anchor)) return null
  const moved = movedAnchor(amendment, anchor, await ctx.store.listArticles(amendment.billId))
  if (!moved) return null
  return { clean: true, baseRevision: moved.article.revision, alineas: amendment.alineas, ...describeAddition(moved.side, moved.article.num, amendment.alineas, amendment.heading) }
}

/** What a cursor carries: where the page starts, and the filter and seed it was made with. */
const CursorShape = z.strictObject({
  key: z.discriminatedUnion('sort', [
    z.strictObject({ sort: z.literal('recent'), createdAt: z.string(), id: z.string() }),
    z.strictObject({ sort: z.literal('supported'), score: z.number(), createdAt: z.string(), id: z.string() }),
    z.strictObject({ sort: z.literal('random'), rank: z.number().int().min(0), id: z.string() }),
    z.strictObject({ sort: z.literal('discussion'), number: z.number().int().min(0) })
  ]),
  status: z.string().nullable(),
  seed: z.string().max(200).nullable(),
  kind: z.string().nullable().optional()
})
type Cursor = z.infer<typeof CursorShape>

const BAD_CURSOR = 'invalid cursor: pass back the `next` of the previous page, with the same sort and status'

function encodeCursor (c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url')
}

function decodeCursor (text: string): Cursor {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidInput(BAD_CURSOR)
  }
  const parsed = CursorShape.safeParse(value)
  if (!parsed.success) throw new InvalidInput(BAD_CURSOR)
  return parsed.data
}

/**
 * A page of an article's amendments. `random` is seeded by the viewer's id,
 * else by the anonymous visitor's `seed`, else by a fresh seed carried in
 * the cursor; the seed is mixed with the server secret, so nobody can
 * predict another viewer's order. The cursor also carries the sort and
 * status it was made for: reusing it with others is a 400.
 */
export async function listAmendmentViews (ctx: Ctx, actor: Actor, articleId: string, query: AmendmentListQuery): Promise<{ items: AmendmentView[]; next: string | null }> {
  const article = await ctx.store.getArticle(articleId)
  const bill = article ? await ctx.store.getBill(article.billId) : null
  if (!article || !bill || !canSee(bill, actor)) throw new NotFound('article')
  if (query.sort === 'discussion' || query.kind !== undefined) throw new InvalidInput('`sort=discussion` and `kind` are for the list of a bill\'s amendments (GET /bills/:billId/amendments)')
  return pageOf(ctx, actor, bill, { articleId: article.id }, new Map([[article.id, article]]), query)
}

/**
 * A page of all the amendments of a bill, every article together (the
 * editors' and clerks' view), with the same sorts, filters and cursors as
 * an article's list; stale proposed ones carry their rebase.
 */
export async function listBillAmendmentViews (ctx: Ctx, actor: Actor, billId: string, query: AmendmentListQuery): Promise<{ items: AmendmentView[]; next: string | null }> {
  const bill = await ctx.store.getBill(billId)
  if (!bill || !canSee(bill, actor)) throw new NotFound('bill')
  const live = await ctx.store.listArticles(bill.id)
  const articles = new Map(live.map(a => [a.id, a]))
  const page = query.sort === 'discussion'
    ? await discussionPage(ctx, actor, bill, live, articles, query)
    : await pageOf(ctx, actor, bill, { billId: bill.id }, articles, query)
  return withRebases(ctx, bill, page, articles)
}

/** Every amendment of a bill, every status (bills hold thousands at most). */
export async function allAmendmentsOf (ctx: Ctx, billId: string): Promise<AmendmentRecord[]> {
  const out: AmendmentRecord[] = []
  for (;;) {
    const last = out[out.length - 1]
    const page = await ctx.store.listBillAmendments(billId, last ? { createdAt: last.createdAt, id: last.id } : null, 1000)
    out.push(...page)
    if (page.length < 1000) return out
  }
}

/** A page of a bill's amendments in discussion order (see `discussion.ts`); the cursor holds the last number shown. */
async function discussionPage (ctx: Ctx, actor: Actor, bill: BillRecord, live: ArticleRecord[], articles: Map<string, ArticleRecord>, query: AmendmentListQuery): Promise<{ items: AmendmentView[]; next: string | null }> {
  const cursor = query.cursor !== undefined ? decodeCursor(query.cursor) : null
  if (cursor && (cursor.key.sort !== 'discussion' || cursor.status !== (query.status ?? null) || (cursor.kind ?? null) !== (query.kind ?? null))) throw new InvalidInput(BAD_CURSOR)
  const all = (await allAmendmentsOf(ctx, bill.id))
    .filter(a => query.status ? a.status === query.status : a.status !== 'withdrawn')
    .filter(a => query.kind === undefined || a.kind === query.kind)
  const ordered = discussionOrder(all, live)
  let start = 0
  if (cursor?.key.sort === 'discussion') {
    const after = cursor.key.number
    const i = ordered.findIndex(a => a.number === after)
    if (i < 0) throw new InvalidInput(BAD_CURSOR)
    start = i + 1
  }
  const page = ordered.slice(start, start + query.limit)
  const items = await amendmentViews(ctx, actor, bill, page, articles)
  const more = start + query.limit < ordered.length
  const next = more ? encodeCursor({ key: { sort: 'discussion', number: page[page.length - 1].number }, status: query.status ?? null, seed: null, kind: query.kind ?? null }) : null
  return { items, next }
}

async function pageOf (ctx: Ctx, actor: Actor, bill: BillRecord, scope: AmendmentScope, articles: Map<string, ArticleRecord>, query: AmendmentListQuery): Promise<{ items: AmendmentView[]; next: string | null }> {
  const cursor = query.cursor !== undefined ? decodeCursor(query.cursor) : null
  if (cursor && (cursor.key.sort !== query.sort || cursor.status !== (query.status ?? null) || (cursor.kind ?? null) !== (query.kind ?? null))) throw new InvalidInput(BAD_CURSOR)
  if (query.sort === 'discussion') throw new InvalidInput('`sort=discussion` lists a whole bill')
  const seedText = query.sort === 'random' ? (actor ? `user:${actor.id}` : cursor?.seed ?? (query.seed ? `visitor:${query.seed}` : `once:${newId('s')}`)) : null
  const page = await ctx.store.listAmendments(scope, {
    sort: query.sort,
    status: query.status,
    kind: query.kind,
    limit: query.limit,
    seed: seedText === null ? undefined : randomSeed(`${ctx.config.secret}:${seedText}`),
    after: cursor?.key as AmendmentListKey | undefined
  })
  const items = await amendmentViews(ctx, actor, bill, page.items, articles)
  const next = page.next ? encodeCursor({ key: page.next, status: query.status ?? null, seed: actor ? null : seedText, kind: query.kind ?? null }) : null
  return { items, next }
}
