/**
 * Reading a bill's council and turning it into its public view: counts by
 * category value (never who answered what), members by name, the number of alternates,
 * the agenda with opinions, the log of replacements.
 */
import { createHmac } from 'node:crypto'
import type { Ctx, Actor } from '../context.ts'
import type { BillRecord, CouncilRecord, UserRecord } from '../store.ts'
import type { AgendaItemView, CouncilView, OpinionView } from '../../../shared/api.ts'
import { publicView } from '../accounts.ts'
import { assertVisible } from '../access.ts'
import { NotFound } from '../errors.ts'

/**
 * A volunteer's pseudonym in the audit: HMAC-SHA256 of the user id with the
 * server secret and the bill id (its own space, unlinkable to the open data's
 * ids), so the audit names nobody and cannot be reversed without the secret.
 */
export function councilPseudonym (secret: string, billId: string, userId: string): string {
  return 'c_' + createHmac('sha256', secret).update(`council\u0000${billId}\u0000${userId}`).digest('base64url').slice(0, 16)
}

/** The bill (visible to the actor) and its council; NotFound when either is missing. */
export async function loadCouncil (ctx: Ctx, actor: Actor, billId: string): Promise<{ bill: BillRecord; council: CouncilRecord }> {
  const bill = assertVisible(await ctx.store.getBill(billId), actor)
  const council = await ctx.store.getCouncil(bill.id)
  if (!council) throw new NotFound('council')
  return { bill, council }
}

/** The alternates in the order they would be called: rank within their stratum first, then stratum order. */
export function alternatesInOrder (council: CouncilRecord): string[] {
  if (!council.draw) return []
  const byPseudonym = new Map(council.commitment!.pool.map(v => [v.pseudonym, v.userId]))
  const taken = new Set([...council.members, ...council.declined])
  const lists = council.draw.result.alternates.map(a => a.ids.map(id => byPseudonym.get(id)!).filter(u => !taken.has(u)))
  const out: string[] = []
  for (let rank = 0; lists.some(l => rank < l.length); rank++) {
    for (const l of lists) if (rank < l.length) out.push(l[rank]!)
  }
  return out
}

/** The public view of a council: counts only, never answers. */
export async function councilView (ctx: Ctx, council: CouncilRecord): Promise<CouncilView> {
  const counts = council.commitment
    ? frozenCounts(council)
    : await ctx.store.volunteerCounts(council.billId)
  const answersOf = new Map((council.commitment?.pool ?? []).map(v => [v.userId, v.answers]))
  const alternates = alternatesInOrder(council)
  const [agenda, opinions] = await Promise.all([ctx.store.listAgenda(council.billId), ctx.store.listOpinions(council.billId)])
  const ids = [...new Set([...council.members, ...council.log.flatMap(l => [l.member, ...(l.replacement ? [l.replacement] : [])])])]
  const users = new Map((await ctx.store.getUsers(ids)).map(u => [u.id, u]))
  const view = (id: string) => publicView(users.get(id) ?? { id, displayName: '?', profileType: 'citizen' } as UserRecord)
  const opinionViews: OpinionView[] = opinions.map(o => ({ itemId: o.itemId, target: o.target, text: o.text, vote: o.vote, publishedAt: o.at }))
  const byItem = new Map(opinionViews.map(o => [o.itemId, o]))
  const agendaViews: AgendaItemView[] = agenda.map(i => ({
    id: i.id, target: i.target, title: i.title, articleId: i.articleId, note: i.note, addedAt: i.addedAt, opinion: byItem.get(i.id) ?? null
  }))
  return {
    billId: council.billId,
    size: council.size,
    categories: council.categories.map(c => ({
      key: c.key,
      label: c.label,
      values: c.values.map(v => ({
        ...v,
        volunteers: counts[c.key]?.[v.key] ?? 0,
        seated: council.members.filter(m => answersOf.get(m)?.[c.key] === v.key).length
      }))
    })),
    status: council.status,
    volunteersCount: council.commitment ? council.commitment.pool.length : council.volunteersCount,
    closesAt: council.closesAt,
    commitmentText: council.commitmentText,
    commitment: council.commitment
      ? { hash: council.commitment.hash, publicRandomness: council.commitment.publicRandomness, algorithm: council.commitment.algorithm, at: council.commitment.at }
      : null,
    draw: council.draw
      ? { value: council.draw.value, seed: council.draw.seed, at: council.draw.at, maximin: council.draw.distribution.maximin, panels: council.draw.distribution.panels.length, strata: council.draw.distribution.strata.length }
      : null,
    members: [...council.members].map(view).sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1)),
    alternates: alternates.length,
    agenda: agendaViews,
    opinions: opinionViews,
    log: council.log.map(l => ({ at: l.at, kind: l.kind, member: view(l.member), replacement: l.replacement ? view(l.replacement) : null }))
  }
}

/** Counts per category value of the frozen pool. */
function frozenCounts (council: CouncilRecord): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {}
  for (const v of council.commitment!.pool) {
    for (const [k, a] of Object.entries(v.answers)) {
      const c = (out[k] ??= {})
      c[a] = (c[a] ?? 0) + 1
    }
  }
  return out
}
