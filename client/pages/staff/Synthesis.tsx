/**
 * The synthesis of a consultation (`/bills/:id/synthesis`, anyone who may
 * see the bill): participation (in all, by profile type, by day, as
 * accessible charts with their figures), then each article (tally, most
 * supported amendments with their dispositif, best arguments of each side,
 * decisions), and the downloads, each saying what it is for.
 */
import { api } from '../../api.ts'
import { formatDate, t } from '../../i18n/index.ts'
import { useResource } from '../../useResource.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { authorLine, datesLine, PhaseBadge } from '../../components/BillMeta.tsx'
import { phaseOf } from '../../../shared/phase.ts'
import type { SessionState } from '../../session.ts'
import { staffApi } from './staff-api.ts'
import { BillTools, PageState } from './common.tsx'
import { SynthesisParticipation } from './SynthesisParticipation.tsx'
import { SynthesisCouncil } from '../../council/SynthesisCouncil.tsx'
import { SynthesisArticle } from './SynthesisArticle.tsx'
import { Downloads } from './Downloads.tsx'

/** The page. */
export function SynthesisPage ({ id, me, epoch }: { id: string; me: SessionState; epoch: number }) {
  const data = useResource(async signal => {
    const [synthesis, bill] = await Promise.all([staffApi.synthesis(id, signal), api.bill(id, signal)])
    return { synthesis, bill }
  }, [id, epoch])

  if (data.data === undefined) return <PageState error={data.error} onRetry={data.reload} notFound={t('bill.notFound')} />
  const { synthesis: s, bill } = data.data
  return (
    <div class="page page--staff page--synthesis">
      <header class="staff-header">
        <p class="staff-header__bill"><a href={`/bills/${encodeURIComponent(bill.id)}`}>{s.bill.title}</a></p>
        <PageHeading title={t('synthesis.title')} />
        <p class="bill-header__authors">{authorLine(s.bill.authors)}</p>
        {/* Not the bill's "participants" (voters): the synthesis counts everyone who took part, below. */}
        <ul class="meta">
          <li><PhaseBadge phase={phaseOf(bill)} /></li>
          {datesLine(bill, phaseOf(bill)) && <li>{datesLine(bill, phaseOf(bill))}</li>}
        </ul>
        <p class="synthesis__generated">{t('synthesis.generated', { date: formatDate(s.generatedAt, true), n: s.bill.revision })}</p>
        <BillTools billId={bill.id} current="synthesis" canEdit={bill.canEdit} />
      </header>
      <nav class="page-toc" aria-label={t('consolidated.toc')}>
        <ul>
          <li><a href="#downloads-title">{t('synthesis.downloads')}</a></li>
          <li><a href="#participation-title">{t('synthesis.participation')}</a></li>
          <li><a href="#articles-title">{t('synthesis.articles')}</a></li>
        </ul>
      </nav>

      <Downloads synthesis={s} me={me} />
      <SynthesisParticipation p={s.participation} />
      <SynthesisCouncil billId={bill.id} council={s.council} />

      <section class="synthesis-articles" aria-labelledby="articles-title">
        <h2 id="articles-title">{t('synthesis.articles')}</h2>
        <p class="synthesis__ranking">{t('synthesis.ranking')}</p>
        {s.articles.length === 0 && <p class="empty">{t('bill.empty')}</p>}
        {s.articles.map(a => <SynthesisArticle key={a.id} a={a} />)}
        <p><a href={`/bills/${encodeURIComponent(bill.id)}/consolidated`}>{t('synthesis.seeConsolidated')}</a></p>
      </section>
    </div>
  )
}
