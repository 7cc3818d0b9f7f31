/** The council's part of the synthesis: composition against quotas and pool, and the published opinions. */
import type { Ctx } from '../context.ts'
import type { CouncilSynthesisView } from '../../../shared/api.ts'
import { councilView } from './records.ts'

/** The council summary of a bill already authorised, or null when it has no council. */
export async function councilSynthesis (ctx: Ctx, billId: string): Promise<CouncilSynthesisView | null> {
  const council = await ctx.store.getCouncil(billId)
  if (!council) return null
  const v = await councilView(ctx, council)
  const titles = new Map(v.agenda.map(i => [i.id, i]))
  return {
    size: v.size,
    status: v.status,
    volunteersCount: v.volunteersCount,
    commitment: v.commitment?.hash ?? null,
    maximin: v.draw?.maximin ?? null,
    categories: v.categories,
    opinions: v.opinions.map(o => ({
      target: o.target, title: titles.get(o.itemId)?.title ?? '', articleId: titles.get(o.itemId)?.articleId ?? null, text: o.text, vote: o.vote, publishedAt: o.publishedAt
    }))
  }
}
