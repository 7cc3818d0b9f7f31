/** The liasse of the synthesis: every amendment but withdrawn ones, in the order of discussion (see `discussion.ts`). */
import type { Ctx } from './context.ts'
import type { AmendmentRecord, ArticleRecord } from './store.ts'
import type { SynthesisView } from '../../shared/api.ts'
import type { PublicUser } from '../../shared/types.ts'
import { allAmendmentsOf } from './amendment-views.ts'
import { discussionOrder, fallenAmendments } from './discussion.ts'

/** The bill's amendments (withdrawn ones left out) in the order of discussion, with the ids of those that fell. */
export async function discussionOf (ctx: Ctx, billId: string, articles: ArticleRecord[]): Promise<(AmendmentRecord & { falls: boolean })[]> {
  const all = (await allAmendmentsOf(ctx, billId)).filter(a => a.status !== 'withdrawn')
  const accepted = all.filter(a => a.status === 'accepted').sort((a, b) => (a.decidedSeq ?? 0) - (b.decidedSeq ?? 0))
  const fallen = fallenAmendments(all, accepted, new Map(articles.map(a => [a.id, a])))
  return discussionOrder(all, articles).map(a => ({ ...a, falls: fallen.has(a.id) }))
}

/** The liasse entries of the synthesis. */
export function discussionEntries (liasse: (AmendmentRecord & { falls: boolean })[], articles: ArticleRecord[], person: (id: string) => PublicUser): SynthesisView['discussion'] {
  const num = new Map(articles.map(a => [a.id, a.num]))
  return liasse.map(a => ({
    amendmentId: a.id,
    number: a.number,
    kind: a.kind,
    articleNum: num.get(a.articleId) ?? null,
    position: a.position,
    status: a.status,
    falls: a.falls,
    origin: a.origin ? `${a.origin.chamber === 'an' ? 'Assemblée nationale' : 'Sénat'} n° ${a.origin.number}` : null,
    author: person(a.authorId).displayName
  }))
}
