/**
 * The council's work: editors put contributions on the agenda (the
 * synthesis proposes the most supported amendments and arguments and the
 * most debated articles); members, and only they, argue and vote per item;
 * members publish the council's opinion per item, with the vote at that time.
 */
import type { Ctx, Actor } from '../context.ts'
import type { AgendaItemRecord, BillRecord, CouncilRecord } from '../store.ts'
import type { AgendaProposalsView, CouncilTargetView, DeliberationView, OpinionView } from '../../../shared/api.ts'
import type { Tally, VoteValue } from '../../../shared/types.ts'
import { newId } from '../../../shared/ids.ts'
import { assertEditor } from '../access.ts'
import { publicView } from '../accounts.ts'
import { Conflict, Forbidden, NotFound, RuleBroken, Unauthenticated } from '../errors.ts'
import { synthesisOf } from '../synthesis.ts'
import { COUNCIL_LIMITS } from '../../../shared/api.ts'
import { loadCouncil } from './records.ts'

const excerpt = (text: string, n = 140): string => text.length > n ? text.slice(0, n - 1).trimEnd() + '…' : text

/** What an agenda target is, in this bill: its title and article; NotFound otherwise. */
async function resolveTarget (ctx: Ctx, bill: BillRecord, target: CouncilTargetView): Promise<{ title: string; articleId: string | null }> {
  switch (target.type) {
    case 'bill':
      if (target.id !== bill.id) throw new NotFound('bill')
      return { title: bill.title, articleId: null }
    case 'article': {
      const a = await ctx.store.getArticle(target.id)
      if (!a || a.billId !== bill.id) throw new NotFound('article')
      return { title: a.heading ? `${a.num} – ${a.heading}` : a.num, articleId: a.id }
    }
    case 'amendment': {
      const m = await ctx.store.getAmendment(target.id)
      if (!m || m.billId !== bill.id || m.status === 'withdrawn') throw new NotFound('amendment')
      const a = await ctx.store.getArticle(m.articleId)
      return { title: `${a?.num ?? ''}: ${excerpt(m.explanation || m.alineas.join(' '))}`, articleId: m.articleId }
    }
    case 'argument': {
      const g = await ctx.store.getArgument(target.id)
      if (!g || g.billId !== bill.id || g.deletedAt) throw new NotFound('argument')
      const articleId = g.target.type === 'article' ? g.target.id : (await ctx.store.getAmendment(g.target.id))?.articleId ?? null
      return { title: excerpt(g.body), articleId }
    }
  }
}

/** Puts a contribution on the agenda (editors). */
export async function addAgendaItem (ctx: Ctx, actor: Actor, billId: string, input: { target: CouncilTargetView; note?: string }): Promise<AgendaItemRecord> {
  const bill = assertEditor(await ctx.store.getBill(billId), actor)
  const council = await ctx.store.getCouncil(bill.id)
  if (!council) throw new NotFound('council')
  if ((await ctx.store.listAgenda(bill.id)).length >= COUNCIL_LIMITS.agenda) throw new RuleBroken('agenda_full', `the agenda holds at most ${COUNCIL_LIMITS.agenda} items`)
  const { title, articleId } = await resolveTarget(ctx, bill, input.target)
  const item: AgendaItemRecord = {
    id: newId('agi'), billId: bill.id, target: input.target, title, articleId, note: input.note ?? '', addedBy: actor!.id, addedAt: ctx.now().toISOString()
  }
  if (!await ctx.store.addAgendaItem(item)) throw new Conflict('already_on_agenda', 'this contribution is already on the agenda')
  ctx.events.emit('council:updated', { billId: bill.id })
  return item
}

/** Takes an item off the agenda (editors), unless the council published an opinion on it. */
export async function removeAgendaItem (ctx: Ctx, actor: Actor, billId: string, itemId: string): Promise<void> {
  const bill = assertEditor(await ctx.store.getBill(billId), actor)
  if ((await ctx.store.listOpinions(bill.id)).some(o => o.itemId === itemId)) throw new RuleBroken('opinion_published', 'the council published an opinion on this item: it stays on the agenda')
  if (!await ctx.store.removeAgendaItem(bill.id, itemId)) throw new NotFound('agenda item')
  ctx.events.emit('council:updated', { billId: bill.id })
}

/** What the synthesis proposes for the agenda (editors): most supported amendments and arguments, most debated articles. */
export async function agendaProposals (ctx: Ctx, actor: Actor, billId: string): Promise<AgendaProposalsView> {
  const bill = assertEditor(await ctx.store.getBill(billId), actor)
  const s = await synthesisOf(ctx, bill)
  const amendments = s.articles.flatMap(a => a.topAmendments.map(m => ({ target: { type: 'amendment' as const, id: m.id }, title: `${a.num}: ${excerpt(m.explanation)}`, support: m.support })))
    .sort((x, y) => y.support - x.support).slice(0, 10)
  const args = s.articles.flatMap(a => [...a.topArguments.for, ...a.topArguments.against].map(g => ({ target: { type: 'argument' as const, id: g.id }, title: `${a.num}: ${excerpt(g.body)}`, upvotes: g.upvotes })))
    .sort((x, y) => y.upvotes - x.upvotes).slice(0, 10)
  const debated = s.articles.map(a => ({ target: { type: 'article' as const, id: a.id }, title: a.num, contributions: a.arguments.for + a.arguments.against + a.amendments.total }))
    .filter(a => a.contributions > 0).sort((x, y) => y.contributions - x.contributions).slice(0, 10)
  return { supportedAmendments: amendments, supportedArguments: args, debatedArticles: debated }
}

/** The council and the actor, who must be one of its members (401 anonymous, 403 others). */
async function asMember (ctx: Ctx, actor: Actor, billId: string): Promise<CouncilRecord> {
  if (!actor) throw new Unauthenticated('sign in as a member of the council')
  const { council } = await loadCouncil(ctx, actor, billId)
  if (!council.members.includes(actor.id)) throw new Forbidden('only the council\'s members deliberate')
  return council
}

async function itemOf (ctx: Ctx, billId: string, itemId: string): Promise<AgendaItemRecord> {
  const item = (await ctx.store.listAgenda(billId)).find(i => i.id === itemId)
  if (!item) throw new NotFound('agenda item')
  return item
}

/** Votes of current members per item. */
async function tallies (ctx: Ctx, council: CouncilRecord): Promise<{ tally: Map<string, Tally>; mine: (userId: string, itemId: string) => VoteValue | null }> {
  const votes = (await ctx.store.listCouncilVotes(council.billId)).filter(v => council.members.includes(v.userId))
  const tally = new Map<string, Tally>()
  for (const v of votes) {
    const t = tally.get(v.itemId) ?? { for: 0, mixed: 0, against: 0 }
    t[v.value]++
    tally.set(v.itemId, t)
  }
  return { tally, mine: (userId, itemId) => votes.find(v => v.userId === userId && v.itemId === itemId)?.value ?? null }
}

/** The deliberation (members only): per agenda item, members' arguments, the vote, one's own vote. */
export async function deliberation (ctx: Ctx, actor: Actor, billId: string): Promise<DeliberationView> {
  const council = await asMember(ctx, actor, billId)
  const [agenda, args, opinions, votes] = await Promise.all([
    ctx.store.listAgenda(council.billId), ctx.store.listCouncilArguments(council.billId), ctx.store.listOpinions(council.billId), tallies(ctx, council)
  ])
  const users = new Map((await ctx.store.getUsers([...new Set(args.map(a => a.userId))])).map(u => [u.id, publicView(u)]))
  const opinionOf = new Map(opinions.map(o => [o.itemId, { itemId: o.itemId, target: o.target, text: o.text, vote: o.vote, publishedAt: o.at }]))
  return {
    items: agenda.map(i => ({
      item: { id: i.id, target: i.target, title: i.title, articleId: i.articleId, note: i.note, addedAt: i.addedAt, opinion: opinionOf.get(i.id) ?? null },
      arguments: args.filter(a => a.itemId === i.id).map(a => ({
        id: a.id, itemId: a.itemId, side: a.side, body: a.body, createdAt: a.at,
        author: users.get(a.userId) ?? { id: a.userId, displayName: '?', profileType: 'citizen' as const }
      })),
      tally: votes.tally.get(i.id) ?? { for: 0, mixed: 0, against: 0 },
      myVote: votes.mine(actor!.id, i.id)
    }))
  }
}

/** A member argues on an agenda item. */
export async function postCouncilArgument (ctx: Ctx, actor: Actor, billId: string, itemId: string, input: { side: 'for' | 'against'; body: string }): Promise<void> {
  const council = await asMember(ctx, actor, billId)
  await itemOf(ctx, council.billId, itemId)
  await ctx.store.addCouncilArgument({ id: newId('cag'), billId: council.billId, itemId, userId: actor!.id, side: input.side, body: input.body, at: ctx.now().toISOString() })
}

/** A member votes on an agenda item (again to change). */
export async function voteCouncilItem (ctx: Ctx, actor: Actor, billId: string, itemId: string, value: VoteValue): Promise<Tally> {
  const council = await asMember(ctx, actor, billId)
  await itemOf(ctx, council.billId, itemId)
  await ctx.store.setCouncilVote({ billId: council.billId, itemId, userId: actor!.id, value, at: ctx.now().toISOString() })
  return (await tallies(ctx, council)).tally.get(itemId) ?? { for: 0, mixed: 0, against: 0 }
}

/** A member publishes the council's opinion on an item, with the members' vote at that time (again to replace it). */
export async function publishOpinion (ctx: Ctx, actor: Actor, billId: string, itemId: string, text: string): Promise<OpinionView> {
  const council = await asMember(ctx, actor, billId)
  const item = await itemOf(ctx, council.billId, itemId)
  const vote = (await tallies(ctx, council)).tally.get(itemId) ?? { for: 0, mixed: 0, against: 0 }
  const at = ctx.now().toISOString()
  await ctx.store.saveOpinion({ itemId, billId: council.billId, target: item.target, text, vote, by: actor!.id, at })
  ctx.events.emit('council:updated', { billId: council.billId })
  return { itemId, target: item.target, text, vote, publishedAt: at }
}
