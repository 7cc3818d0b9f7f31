/**
 * What viewers read: a bill with its outline and articles, the list of
 * bills, one article. Assembled from the latest revision (or, for a draft's
 * editors, from the working text) with tallies and the viewer's own votes.
 */
import type { Ctx, Actor } from './context.ts'
import type { ArticleRecord, BillRecord } from './store.ts'
import type { ArticleView, BillSummaryView, BillView } from '../../shared/api.ts'
import type { BillBlock, VoteValue } from '../../shared/types.ts'
import { articleHash } from '../../shared/text.ts'
import { assertVisible, canSee, isEditor } from './access.ts'
import { loadWorkingDoc, workingBlocks } from './documents.ts'
import { publicView } from './accounts.ts'
import { NotFound } from './errors.ts'
import { articleChanges, splitTallies } from './revision-history.ts'

type Outline = BillView['outline']

async function authorsOf (ctx: Ctx, bill: BillRecord) {
  const users = await ctx.store.getUsers(bill.editors)
  const byId = new Map(users.map(u => [u.id, u]))
  return bill.editors.flatMap(id => byId.has(id) ? [publicView(byId.get(id)!)] : [])
}

async function summary (ctx: Ctx, bill: BillRecord, actor: Actor): Promise<Omit<BillView, 'articles' | 'outline'>> {
  return {
    id: bill.id,
    title: bill.title,
    summary: bill.summary,
    status: bill.status,
    opensAt: bill.opensAt,
    closesAt: bill.closesAt,
    editors: bill.editors,
    authors: await authorsOf(ctx, bill),
    revision: bill.revision,
    participants: bill.revision > 0 ? await ctx.store.countVoters(bill.id) : 0,
    canEdit: isEditor(bill, actor),
    wordingStyle: bill.wordingStyle ?? 'assemblee',
    requirements: bill.requirements ?? []
  }
}

/** Article records with their tallies and the viewer's votes, as the API shows them (`knownBill`: their bill, when the caller has it). */
export async function articleViews (ctx: Ctx, actor: Actor, articles: ArticleRecord[], knownBill?: BillRecord): Promise<ArticleView[]> {
  const ids = articles.map(a => a.id)
  // Published articles: their votes split by the text they were cast on, and when their text last changed (issue 16).
  const bill = articles.length > 0 && articles[0].revision > 0 ? knownBill ?? await ctx.store.getBill(articles[0].billId) : null
  const tallies = bill ? await splitTallies(ctx, bill, await ctx.store.getTallies('article', ids)) : await ctx.store.getTallies('article', ids)
  const changes = bill ? await articleChanges(ctx, bill) : new Map()
  const mineAt: Map<string, number> = actor && bill ? await ctx.store.getUserVoteRevisions(actor.id, ids) : new Map()
  // Arguments that are not deleted, hidden ones included: the count matches what the lists show.
  const argumentCounts = await ctx.store.countArguments('article', ids)
  const mine: Map<string, VoteValue> = actor ? await ctx.store.getUserVotes(actor.id, 'article', ids) : new Map()
  // Not withdrawn: proposed, accepted and rejected amendments all count (the list's default filter).
  const amendmentCounts = await ctx.store.countAmendments(ids)
  return articles.map(a => ({
    id: a.id,
    billId: a.billId,
    num: a.num,
    heading: a.heading,
    alineas: a.alineas,
    revision: a.revision,
    tally: tallies.get(a.id)!,
    myVote: mine.get(a.id) ?? null,
    myVoteRevision: mineAt.get(a.id) ?? null,
    changedIn: changes.get(a.id) ?? null,
    amendmentCount: amendmentCounts.get(a.id) ?? 0,
    argumentCount: argumentCounts.get(a.id)!
  }))
}

function outlineOf (blocks: { kind: string; id: string; level?: number; title?: string; num?: string; heading?: string | null }[]): Outline {
  return blocks.map(b => b.kind === 'division'
    ? { kind: 'division' as const, id: b.id, level: b.level!, title: b.title! }
    : { kind: 'article' as const, id: b.id, num: b.num!, heading: b.heading ?? null })
}

/** The working text's articles, shaped like stored ones (revision 0), for a draft's editors. */
function draftArticles (bill: BillRecord, blocks: BillBlock[]): ArticleRecord[] {
  return blocks.flatMap((b, position) => b.kind === 'article'
    ? [{ id: b.id, billId: bill.id, num: b.num, heading: b.heading, alineas: b.alineas, hash: articleHash(b.alineas), revision: 0, position, removedIn: null }]
    : [])
}

/** One bill as the actor may see it: 404 for a draft they do not edit. */
export async function getBillView (ctx: Ctx, actor: Actor, billId: string): Promise<BillView> {
  const bill = assertVisible(await ctx.store.getBill(billId), actor)
  let articles: ArticleRecord[]
  let outline: Outline
  if (bill.revision === 0) {
    const blocks = workingBlocks(await loadWorkingDoc(ctx.store, bill.id))
    articles = draftArticles(bill, blocks)
    outline = outlineOf(blocks)
  } else {
    articles = await ctx.store.listArticles(bill.id)
    const rev = await ctx.store.getRevision(bill.id, bill.revision)
    outline = outlineOf((rev?.doc.content ?? []).map(n => ({
      kind: n.type,
      id: String(n.attrs?.id ?? ''),
      level: Number(n.attrs?.level ?? 1),
      title: (n.content ?? []).map(t => t.text ?? '').join(''),
      num: String(n.attrs?.num ?? ''),
      heading: (n.attrs?.heading as string | null) ?? null
    })))
  }
  return { ...(await summary(ctx, bill, actor)), outline, articles: await articleViews(ctx, actor, articles, bill) }
}

/** The bills the actor may see, newest first: open and closed ones, and drafts they edit. */
export async function listBillViews (ctx: Ctx, actor: Actor): Promise<BillSummaryView[]> {
  const bills = await ctx.store.listBills({
    statuses: ['open', 'closed'],
    editorId: actor?.id,
    all: actor?.role === 'admin'
  })
  return Promise.all(bills.map(async b => {
    const articles = b.revision > 0 ? (await ctx.store.listArticles(b.id)).map(a => a.id) : []
    const [amendments, args] = await Promise.all([ctx.store.countAmendments(articles), ctx.store.countArguments('article', articles)])
    let contributions = 0
    for (const n of amendments.values()) contributions += n
    for (const c of args.values()) contributions += c.for + c.against
    return { ...(await summary(ctx, b, actor)), articleCount: articles.length, contributions }
  }))
}

/** One article of a published revision, with its tally and the viewer's vote. */
export async function getArticleView (ctx: Ctx, actor: Actor, articleId: string): Promise<ArticleView> {
  const article = await ctx.store.getArticle(articleId)
  if (!article) {
    const drafted = await draftArticle(ctx, actor, articleId)
    if (!drafted) throw new NotFound('article')
    return (await articleViews(ctx, actor, [drafted]))[0]
  }
  const bill = await ctx.store.getBill(article.billId)
  if (!bill || !canSee(bill, actor)) throw new NotFound('article')
  const [view] = await articleViews(ctx, actor, [article], bill)
  return view
}

/**
 * An article of a draft's working text (drafts have no stored articles
 * until published), looked up in the drafts the actor edits; null for
 * anyone else, so a draft's article stays invisible outside its editors.
 */
async function draftArticle (ctx: Ctx, actor: Actor, articleId: string): Promise<ArticleRecord | null> {
  if (!actor) return null
  const bills = await ctx.store.listBills({ statuses: [], editorId: actor.id, all: actor.role === 'admin' })
  for (const bill of bills) {
    if (bill.status !== 'draft' || !isEditor(bill, actor)) continue
    const found = draftArticles(bill, workingBlocks(await loadWorkingDoc(ctx.store, bill.id))).find(a => a.id === articleId)
    if (found) return found
  }
  return null
}
