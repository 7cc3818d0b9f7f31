/**
 * The per-article part of the synthesis: tally and shares, amendments by
 * status, arguments by side, the most supported amendments (the store's
 * `supported` order: Wilson lower bound), the most upvoted arguments per
 * side, and the decided amendments in decision order. Hidden content is
 * skipped from what is put forward and withheld from decided amendments.
 * Authors are resolved by the caller in one batch (`PeopleNeeded`).
 */
import type { Ctx } from './context.ts'
import { setImmediate as yieldNow } from 'node:timers/promises'
import type {
  AmendmentRecord, AmendmentStatusCounts, ArgumentCounts, ArticleRecord, ArgumentPosition, BillRecord, ListedArgument
} from './store.ts'
import type { SynthesisAmendmentView, SynthesisArgumentView, SynthesisArticleView } from '../../shared/api.ts'
import { SYNTHESIS_LIMITS } from '../../shared/api.ts'
import type { ArgumentSide, PublicUser, Tally } from '../../shared/types.ts'
import { supportScore } from './ranking.ts'
import { hiddenBody, visibilityOf, type Visibility } from './moderation-state.ts'
import { styledWording } from './amendment-text.ts'
import { splitTallies } from './revision-history.ts'

/** User ids whose public view the synthesis needs; filled while assembling. */
export type PeopleNeeded = Set<string>

/** Resolves a user id to its public view. */
type Person = (id: string) => PublicUser

/** Pages read at most while skipping hidden items of a "most supported/upvoted" list. */
const MAX_PAGES = 10
/** Page size of the decided amendments. */
const DECIDED_PAGE = 200

const NO_COUNTS: AmendmentStatusCounts = Object.freeze({ proposed: 0, accepted: 0, rejected: 0, withdrawn: 0 })

/** Shares of a tally (0..1), zeros without votes. */
export function sharesOf (t: Tally): { for: number; mixed: number; against: number } {
  const n = t.for + t.mixed + t.against
  return n === 0 ? { for: 0, mixed: 0, against: 0 } : { for: t.for / n, mixed: t.mixed / n, against: t.against / n }
}

/**
 * The figures of one article, computed once for the synthesis and the open
 * data: its tally, votes and shares, its amendments by status (`total`
 * counts the ones still standing: proposed, accepted, rejected) and its
 * arguments by side.
 */
export function articleFigures (tally: Tally, counts: AmendmentStatusCounts | undefined, argumentCounts: ArgumentCounts): Pick<SynthesisArticleView, 'tally' | 'votes' | 'shares' | 'amendments' | 'arguments'> {
  const c = counts ?? NO_COUNTS
  return {
    tally,
    votes: tally.for + tally.mixed + tally.against,
    shares: sharesOf(tally),
    amendments: { total: c.proposed + c.accepted + c.rejected, ...c },
    arguments: argumentCounts
  }
}

/** An amendment as the synthesis shows it, with its text withheld when hidden. */
function amendmentEntry (a: AmendmentRecord, tally: Tally, v: Visibility, person: Person, style: BillRecord['wordingStyle']): SynthesisAmendmentView {
  return {
    id: a.id,
    number: a.number,
    kind: a.kind,
    position: a.position,
    articleId: a.articleId,
    status: a.status,
    author: person(a.authorId),
    tally,
    support: supportScore(tally),
    explanation: v.hidden ? hiddenBody(v.hiddenReason) : a.explanation,
    baseAlineas: v.hidden ? [] : a.baseAlineas,
    alineas: v.hidden ? [] : a.alineas,
    diff: v.hidden ? null : a.diff,
    wording: v.hidden ? null : styledWording(a, style),
    hidden: v.hidden,
    hiddenReason: v.hiddenReason,
    decision: a.decision ? { by: person(a.decision.by), at: a.decision.at, response: a.decision.response } : null,
    decidedSeq: a.decidedSeq,
    createdAt: a.createdAt
  }
}

/**
 * The most supported amendments of an article that are neither withdrawn nor
 * hidden, its additional articles (those that go next to it) among them.
 */
async function topAmendments (ctx: Ctx, articleId: string): Promise<{ items: AmendmentRecord[]; visibility: Map<string, Visibility> }> {
  const [own, added] = await Promise.all([topOfKind(ctx, articleId, 'article'), topOfKind(ctx, articleId, 'addArticle')])
  if (added.items.length === 0) return own
  const tallies = await ctx.store.getTallies('amendment', [...own.items, ...added.items].map(a => a.id))
  const score = (a: AmendmentRecord): number => supportScore(tallies.get(a.id)!)
  const items = [...own.items, ...added.items]
    .sort((a, b) => score(b) - score(a) || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .slice(0, SYNTHESIS_LIMITS.topAmendments)
  return { items, visibility: new Map([...own.visibility, ...added.visibility]) }
}

/** The most supported amendments of one kind next to an article (see `topAmendments`). */
async function topOfKind (ctx: Ctx, articleId: string, kind: 'article' | 'addArticle'): Promise<{ items: AmendmentRecord[]; visibility: Map<string, Visibility> }> {
  const items: AmendmentRecord[] = []
  const visibility = new Map<string, Visibility>()
  let after = null
  for (let i = 0; i < MAX_PAGES && items.length < SYNTHESIS_LIMITS.topAmendments; i++) {
    const page = await ctx.store.listAmendments({ articleId }, { sort: 'supported', kind, limit: SYNTHESIS_LIMITS.topAmendments * 2, after })
    const v = await visibilityOf(ctx, 'amendment', page.items.map(a => a.id))
    for (const a of page.items) {
      if (v.get(a.id)!.hidden || items.length >= SYNTHESIS_LIMITS.topAmendments) continue
      items.push(a)
      visibility.set(a.id, v.get(a.id)!)
    }
    if (!page.next) break
    after = page.next
  }
  return { items, visibility }
}

/** The most upvoted arguments on an article on one side, not hidden. */
async function topArguments (ctx: Ctx, articleId: string, side: ArgumentSide): Promise<ListedArgument[]> {
  const out: ListedArgument[] = []
  const limit = SYNTHESIS_LIMITS.topArguments * 2
  let after: ArgumentPosition | undefined
  for (let i = 0; i < MAX_PAGES && out.length < SYNTHESIS_LIMITS.topArguments; i++) {
    const page = await ctx.store.listArguments({ target: { type: 'article', id: articleId }, side, sort: 'upvotes', limit, after })
    const v = await visibilityOf(ctx, 'argument', page.map(a => a.id))
    for (const a of page) if (!v.get(a.id)!.hidden && out.length < SYNTHESIS_LIMITS.topArguments) out.push(a)
    if (page.length < limit) break
    const last = page[page.length - 1]
    after = { upvotes: last.upvotes, createdAt: last.createdAt, id: last.id }
  }
  return out
}

/** The accepted and rejected amendments of an article, in decision order. */
async function decided (ctx: Ctx, articleId: string): Promise<AmendmentRecord[]> {
  const out: AmendmentRecord[] = []
  for (const status of ['accepted', 'rejected'] as const) {
    for (const kind of ['article', 'addArticle'] as const) {
      let after = null
      for (;;) {
        const page = await ctx.store.listAmendments({ articleId }, { sort: 'recent', status, kind, limit: DECIDED_PAGE, after })
        out.push(...page.items)
        if (!page.next) break
        after = page.next
      }
    }
  }
  return out.sort((a, b) => (a.decidedSeq ?? 0) - (b.decidedSeq ?? 0))
}

/** What was read of one article. */
interface ArticleParts {
  article: ArticleRecord
  top: { items: AmendmentRecord[]; visibility: Map<string, Visibility> }
  forArgs: ListedArgument[]
  againstArgs: ListedArgument[]
  decisions: AmendmentRecord[]
  amendmentTallies: Map<string, Tally>
  decidedVisibility: Map<string, Visibility>
  argumentCounts: ArgumentCounts
}

const argumentEntry = (a: ListedArgument, person: Person): SynthesisArgumentView =>
  ({ id: a.id, side: a.side, body: a.body, author: person(a.authorId), upvotes: a.upvotes, createdAt: a.createdAt })

/**
 * Reads what the synthesis needs of each article (adding the authors to
 * `people`) and returns a function that assembles the article entries once
 * the authors are resolved.
 */
export async function articleSyntheses (ctx: Ctx, bill: BillRecord, articles: ArticleRecord[], people: PeopleNeeded): Promise<(person: Person) => SynthesisArticleView[]> {
  const ids = articles.map(a => a.id)
  // Each article's tally carries its split by text (votes on the current text, votes on an earlier one: issue 16).
  const [tallies, statusCounts] = await Promise.all([
    ctx.store.getTallies('article', ids).then(t => splitTallies(ctx, bill, t)),
    ctx.store.amendmentStatusCounts(bill.id)
  ])
  const parts: ArticleParts[] = []
  for (const article of articles) {
    // One article at a time, yielding in between: with a synchronous store, a national consultation's
    // argument counts and rankings would otherwise hold the event loop for the whole synthesis.
    await yieldNow()
    const [top, forArgs, againstArgs, decisions, argumentCounts] = await Promise.all([
      topAmendments(ctx, article.id),
      topArguments(ctx, article.id, 'for'),
      topArguments(ctx, article.id, 'against'),
      decided(ctx, article.id),
      ctx.store.countArguments('article', [article.id])
    ])
    const amendmentIds = [...top.items, ...decisions].map(a => a.id)
    const [amendmentTallies, decidedVisibility] = await Promise.all([
      ctx.store.getTallies('amendment', amendmentIds),
      visibilityOf(ctx, 'amendment', decisions.map(a => a.id))
    ])
    for (const a of [...top.items, ...decisions]) {
      people.add(a.authorId)
      if (a.decision) people.add(a.decision.by)
    }
    for (const a of [...forArgs, ...againstArgs]) people.add(a.authorId)
    parts.push({ article, top, forArgs, againstArgs, decisions, amendmentTallies, decidedVisibility, argumentCounts: argumentCounts.get(article.id)! })
  }
  return person => parts.map(({ article, top, forArgs, againstArgs, decisions, amendmentTallies, decidedVisibility, argumentCounts }): SynthesisArticleView => {
    return {
      id: article.id,
      num: article.num,
      heading: article.heading,
      position: article.position,
      alineas: article.alineas,
      ...articleFigures(tallies.get(article.id)!, statusCounts.get(article.id), argumentCounts),
      topAmendments: top.items.map(a => amendmentEntry(a, amendmentTallies.get(a.id)!, top.visibility.get(a.id)!, person, bill.wordingStyle)),
      topArguments: { for: forArgs.map(a => argumentEntry(a, person)), against: againstArgs.map(a => argumentEntry(a, person)) },
      decided: decisions.map(a => amendmentEntry(a, amendmentTallies.get(a.id)!, decidedVisibility.get(a.id)!, person, bill.wordingStyle))
    }
  })
}
