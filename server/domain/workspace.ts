/**
 * « Mon espace »: what an author, a staff member or an admin needs on
 * arriving: the bills they edit with their amendments counted by status,
 * the proposed amendments waiting for their decision (oldest first, so none
 * is forgotten) and the latest amendments and arguments on those bills. Who
 * did what where, never the text: the pages behind the links apply the
 * moderation rules.
 */
import type { Actor, Ctx } from './context.ts'
import type { AmendmentRecord, ArgumentRecord, ArticleRecord, BillRecord } from '../store/store.ts'
import type { WorkspaceActivityView, WorkspaceAmendmentView, WorkspaceQuery, WorkspaceView } from '../../shared/api.ts'
import type { PublicUser } from '../../shared/types.ts'
import { publicView } from './accounts.ts'
import { isStale } from './amendment-text.ts'
import { Forbidden, Unauthenticated } from './errors.ts'

const ROLES = new Set(['author', 'staff', 'admin'])

/** The workspace of the signed-in author, staff member or admin (401 signed out, 403 for other roles). */
export async function getWorkspace (ctx: Ctx, actor: Actor, query: WorkspaceQuery): Promise<WorkspaceView> {
  if (!actor) throw new Unauthenticated()
  if (!ROLES.has(actor.role)) throw new Forbidden('« Mon espace » is for authors, staff and admins')
  const bills = (await ctx.store.listBills({ statuses: [], editorId: actor.id })).filter(b => b.editors.includes(actor.id))
  const ids = bills.map(b => b.id)
  const published = bills.filter(b => b.status !== 'draft').map(b => b.id)
  const [counts, oldest, recentAmendments, recentArguments, articleLists] = await Promise.all([
    ctx.store.countAmendmentsByStatus(ids),
    ctx.store.listOldestProposed(published, query.limit),
    ctx.store.listRecentAmendments(published, query.limit),
    ctx.store.listRecentArguments(published, query.limit),
    Promise.all(published.map(id => ctx.store.listArticles(id)))
  ])
  const articles = new Map(articleLists.flat().map(a => [a.id, a]))
  const amendments = await amendmentsOf(ctx, [...oldest, ...recentAmendments], recentArguments)
  const people = await peopleOf(ctx, [...oldest, ...recentAmendments, ...recentArguments].map(x => x.authorId))
  const tallies = await ctx.store.getTallies('amendment', oldest.map(a => a.id))
  const billById = new Map(bills.map(b => [b.id, b]))

  const needsDecision = oldest.map((a): WorkspaceAmendmentView => {
    const article = articles.get(a.articleId)
    return {
      id: a.id,
      number: a.number,
      billId: a.billId,
      billTitle: billById.get(a.billId)?.title ?? '',
      kind: a.kind,
      articleNum: article?.num ?? null,
      position: a.kind === 'addArticle' ? a.position : null,
      author: people(a.authorId),
      createdAt: a.createdAt,
      stale: article ? isStale(a, article) : true,
      tally: tallies.get(a.id) ?? { for: 0, mixed: 0, against: 0 }
    }
  })
  const activity = [
    ...recentAmendments.map(a => amendmentActivity(a, billById, articles, people)),
    ...recentArguments.map(g => argumentActivity(g, billById, articles, amendments, people))
  ].sort((x, y) => x.at < y.at ? 1 : x.at > y.at ? -1 : x.id < y.id ? 1 : -1).slice(0, query.limit)

  return {
    bills: bills.map(b => ({
      id: b.id, title: b.title, status: b.status, opensAt: b.opensAt, closesAt: b.closesAt, revision: b.revision,
      amendments: counts.get(b.id) ?? { proposed: 0, accepted: 0, rejected: 0, withdrawn: 0 }
    })),
    pending: [...counts.values()].reduce((n, c) => n + c.proposed, 0),
    needsDecision,
    activity
  }
}

/** The amendments at hand, and those the arguments are about (read once each). */
async function amendmentsOf (ctx: Ctx, known: AmendmentRecord[], args: ArgumentRecord[]): Promise<Map<string, AmendmentRecord>> {
  const byId = new Map(known.map(a => [a.id, a]))
  const missing = [...new Set(args.filter(g => g.target.type === 'amendment' && !byId.has(g.target.id)).map(g => g.target.id))]
  for (const a of await Promise.all(missing.map(id => ctx.store.getAmendment(id)))) if (a) byId.set(a.id, a)
  return byId
}

/** The public view of each author, by id. */
async function peopleOf (ctx: Ctx, ids: string[]): Promise<(id: string) => PublicUser> {
  const users = await ctx.store.getUsers([...new Set(ids)])
  const byId = new Map(users.map(u => [u.id, publicView(u)]))
  return id => byId.get(id) ?? { id, displayName: '?', profileType: 'citizen' }
}

function amendmentActivity (a: AmendmentRecord, bills: Map<string, BillRecord>, articles: Map<string, ArticleRecord>, people: (id: string) => PublicUser): WorkspaceActivityView {
  return {
    type: 'amendment', id: a.id, billId: a.billId, billTitle: bills.get(a.billId)?.title ?? '', at: a.createdAt, author: people(a.authorId),
    articleId: a.articleId, articleNum: articles.get(a.articleId)?.num ?? null, amendmentId: a.id, amendmentNumber: a.number, side: null
  }
}

function argumentActivity (g: ArgumentRecord, bills: Map<string, BillRecord>, articles: Map<string, ArticleRecord>, amendments: Map<string, AmendmentRecord>, people: (id: string) => PublicUser): WorkspaceActivityView {
  const amendment = g.target.type === 'amendment' ? amendments.get(g.target.id) ?? null : null
  const articleId = g.target.type === 'article' ? g.target.id : amendment?.articleId ?? null
  return {
    type: 'argument', id: g.id, billId: g.billId, billTitle: bills.get(g.billId)?.title ?? '', at: g.createdAt, author: people(g.authorId),
    articleId, articleNum: articleId ? articles.get(articleId)?.num ?? null : null,
    amendmentId: amendment?.id ?? null, amendmentNumber: amendment?.number ?? null, side: g.side
  }
}
