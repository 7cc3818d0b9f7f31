/**
 * The consolidated text (`/bills/:id/consolidated`): the latest revision
 * with the accepted amendments applied in decision order, as a tableau
 * comparatif ("Texte initial | Texte consolidé", the amendments applied
 * under each article) and as plain text; accepted amendments that conflict
 * with earlier decisions are listed with their passages, first, never hidden.
 * The columns say which revision they show; when the bill has several
 * revisions, « Depuis la révision 1 » (`?from=1`) compares with the original.
 */
import { api } from '../../api.ts'
import { t, tn } from '../../i18n/index.ts'
import { useResource } from '../../useResource.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { AlineaList } from '../../components/AlineaList.tsx'
import type { SessionState } from '../../session.ts'
import { staffApi } from './staff-api.ts'
import { BillTools, PageState } from './common.tsx'
import { useAmendmentRefs } from './AmendmentRef.tsx'
import { ComparisonTable } from './ComparisonTable.tsx'
import { ConflictList } from './ConflictList.tsx'

/** The page; anyone who may see the bill may read it. */
export function ConsolidatedPage ({ id, epoch, query }: { id: string; me: SessionState; epoch: number; query?: URLSearchParams }) {
  // ?from=1: the left column is revision 1 (the original text), not the latest revision (issue 16).
  const from = query?.get('from') === '1' ? 1 : undefined
  const data = useResource(async signal => {
    const [bill, consolidated] = await Promise.all([api.bill(id, signal), staffApi.consolidated(id, signal, from)])
    return { bill, consolidated }
  }, [id, epoch, from])
  const articles = data.data?.consolidated.articles ?? []
  const refs = useAmendmentRefs(articles.flatMap(a => [...a.applied, ...a.conflicts.map(c => c.amendmentId)]))

  if (data.data === undefined) return <PageState error={data.error} onRetry={data.reload} notFound={t('bill.notFound')} />
  const { bill, consolidated } = data.data
  const applied = articles.reduce((n, a) => n + a.applied.length, 0)
  const conflicts = articles.reduce((n, a) => n + a.conflicts.length, 0)
  const base = consolidated.from ?? consolidated.revision
  const labels = {
    base: base === 1 ? t('consolidated.initialRevision', { n: 1 }) : t('consolidated.revisionText', { n: base }),
    consolidated: t('consolidated.consolidatedRevision', { n: consolidated.revision })
  }
  const caption = base === consolidated.revision
    ? t('consolidated.tableCaption', { title: bill.title, n: consolidated.revision })
    : t('consolidated.tableCaptionFrom', { title: bill.title, from: base, n: consolidated.revision })
  const path = `/bills/${encodeURIComponent(bill.id)}/consolidated`

  return (
    <div class="page page--staff page--consolidated">
      <header class="staff-header">
        <p class="staff-header__bill"><a href={`/bills/${encodeURIComponent(bill.id)}`}>{bill.title}</a></p>
        <PageHeading title={t('consolidated.title')} />
        <ul class="meta" data-applied={applied} data-conflicts={conflicts}>
          <li>{t('consolidated.revision', { n: consolidated.revision })}</li>
          <li>{tn('consolidated.appliedCount', applied)}</li>
          <li class={conflicts ? 'meta__warning' : undefined}>{tn('consolidated.conflictCount', conflicts)}</li>
        </ul>
        <BillTools billId={bill.id} current="consolidated" canEdit={bill.canEdit} />
      </header>
      {conflicts > 0 && (
        <p class="banner banner--conflict" role="note">
          <span aria-hidden="true">⚠ </span>{tn('consolidated.conflictBanner', conflicts)} <a href="#conflicts">{t('consolidated.seeConflicts')}</a>
        </p>
      )}
      <nav class="page-toc" aria-label={t('consolidated.toc')}>
        <ul>
          <li><a href="#comparison-title">{t('consolidated.tableTitle')}</a></li>
          <li><a href="#text-title">{t('consolidated.textTitle')}</a></li>
          {conflicts > 0 && <li><a href="#conflicts">{t('consolidated.conflictsTitle')}</a></li>}
        </ul>
      </nav>

      <ConflictList articles={articles} refs={refs} />

      <section class="comparison-section" aria-labelledby="comparison-title">
        <h2 id="comparison-title" tabIndex={-1}>{t('consolidated.tableTitle')}</h2>
        {consolidated.revision > 1 && (
          <p class="comparison-from">
            {t('consolidated.comparedWith')}{' '}
            {base === 1
              ? <a href={path} class="comparison-from__link">{t('consolidated.sinceLatest', { n: consolidated.revision })}</a>
              : <a href={`${path}?from=1`} class="comparison-from__link">{t('consolidated.sinceFirst')}</a>}
          </p>
        )}
        {articles.length === 0
          ? <p class="empty">{t('bill.empty')}</p>
          : <ComparisonTable articles={articles} refs={refs} caption={caption} labels={labels} />}
      </section>

      <section class="consolidated-text" aria-labelledby="text-title">
        <h2 id="text-title" tabIndex={-1}>{t('consolidated.textTitle')}</h2>
        {articles.map(a => (
          <article key={a.articleId ?? a.amendmentId ?? a.num} class="consolidated-article" data-article-id={a.articleId ?? undefined} data-amendment-id={a.amendmentId ?? undefined}>
            <h3>{t('article.title', { num: a.num })}{a.heading && <span class="consolidated-article__heading"> — {a.heading}</span>}</h3>
            {a.consolidatedAlineas.length === 0
              ? <p class="empty">{t('consolidated.articleDeleted')}</p>
              : <AlineaList alineas={a.consolidatedAlineas} label={t('article.alineas', { num: a.num })} />}
            {a.pending.some(p => p.falls) && (
              <p class="consolidated-article__fallen" data-fallen={a.pending.filter(p => p.falls).map(p => p.number).join(' ')}>
                {t('consolidated.fallen', { list: a.pending.filter(p => p.falls).map(p => t('amendment.number', { n: String(p.number) })).join(', ') })}
              </p>
            )}
          </article>
        ))}
      </section>
    </div>
  )
}
