/**
 * Amendments to decide (`/bills/:id/amendments`), for the bill's editors:
 * every amendment of the bill (one bill-wide list, in pages), shown article
 * by article, filtered by article,
 * status and support (order), each with its diff, dispositif and tally and,
 * for the editors, a required response and "Adopter" / "Rejeter". Built for
 * a clerk on a desktop: dense rows, filters kept in the address, and the
 * keys j / k to go from one amendment to the next. Live: a decision taken
 * elsewhere updates its row; new amendments are announced, to load on request
 * (rows never move under the reader's eyes).
 */
import { useEffect, useState } from 'preact/hooks'
import { api, type AmendmentView, type ArticleView } from '../../api.ts'
import { t, tn } from '../../i18n/index.ts'
import { useResource } from '../../useResource.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { BillMeta } from '../../components/BillMeta.tsx'
import { LoadError } from '../../components/LoadError.tsx'
import { LiveStatus } from '../../components/LiveStatus.tsx'
import { useBillLive } from '../../live.ts'
import type { SessionState } from '../../session.ts'
import type { StatusFilter } from './staff-api.ts'
import { BillTools, PageState } from './common.tsx'
import { DecisionRow } from './DecisionRow.tsx'
import { DiscussionList } from './DiscussionList.tsx'
import { ImportAmendments } from './ImportAmendments.tsx'
import { useBillAmendments, type AmendmentSortKey } from './useBillAmendments.ts'
import { amendmentPlace } from '../../../shared/additional-article.ts'

const STATUSES: StatusFilter[] = ['proposed', 'accepted', 'rejected', 'withdrawn', 'all']
const SORTS: AmendmentSortKey[] = ['supported', 'recent']
const STATUS_KEY = {
  proposed: 'decisions.status.proposed', accepted: 'decisions.status.accepted', rejected: 'decisions.status.rejected',
  withdrawn: 'decisions.status.withdrawn', all: 'decisions.status.all'
} as const

interface Filters { article: string; status: StatusFilter; sort: AmendmentSortKey; order: 'articles' | 'discussion' }

function readFilters (q: URLSearchParams): Filters {
  const status = q.get('status') as StatusFilter
  const sort = q.get('sort') as AmendmentSortKey
  return {
    article: q.get('article') ?? '',
    status: STATUSES.includes(status) ? status : 'proposed',
    sort: SORTS.includes(sort) ? sort : 'supported',
    order: q.get('order') === 'discussion' ? 'discussion' : 'articles'
  }
}

/** Keeps the filters in the address (a reload or a shared link keeps them), without a navigation. */
function writeFilters (f: Filters): void {
  const q = new URLSearchParams()
  if (f.article) q.set('article', f.article)
  if (f.status !== 'proposed') q.set('status', f.status)
  if (f.sort !== 'supported') q.set('sort', f.sort)
  if (f.order === 'discussion') q.set('order', 'discussion')
  const s = q.toString()
  history.replaceState(history.state, '', location.pathname + (s ? '?' + s : ''))
}

/** j / k: to the next / previous amendment, unless typing in a field. */
function useRowKeys (): void {
  useEffect(() => {
    function onKey (e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'j' && e.key !== 'k')) return
      const target = e.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      const rows = [...document.querySelectorAll<HTMLElement>('.decision')]
      if (!rows.length) return
      const current = rows.findIndex(r => r.contains(document.activeElement))
      const to = e.key === 'j' ? Math.min(rows.length - 1, current + 1) : Math.max(0, current < 0 ? 0 : current - 1)
      e.preventDefault()
      rows[to].focus()
      rows[to].scrollIntoView({ block: 'start' })
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
}

/** One article's amendments (those loaded so far): a heading and the rows. */
function ArticleGroup ({ article, items, canDecide, onChange, alone }: {
  article: ArticleView
  items: AmendmentView[]
  canDecide: boolean
  onChange: Parameters<typeof DecisionRow>[0]['onChange']
  /** The only article shown: say so when it has nothing. */
  alone: boolean
}) {
  if (items.length === 0 && !alone) return null
  const titleId = `group-${article.id}`
  return (
    <section class="decision-group" aria-labelledby={titleId} data-article-id={article.id}>
      <h2 id={titleId} class="decision-group__title">
        {t('article.title', { num: article.num })}
        {article.heading && <span class="decision-group__heading"> — {article.heading}</span>}
      </h2>
      {items.length === 0 && <p class="empty">{t('decisions.none')}</p>}
      {items.map(a => <DecisionRow key={a.id} amendment={a} num={article.num} canDecide={canDecide} onChange={onChange} />)}
    </section>
  )
}

/** The page; `query` gives the filters (article, status, sort). */
export function DecisionsPage ({ id, me, epoch, query }: { id: string; me: SessionState; epoch: number; query: URLSearchParams }) {
  const bill = useResource(signal => api.bill(id, signal), [id, epoch])
  const [filters, setFilters] = useState<Filters>(() => readFilters(query))
  const articles = bill.data?.articles ?? []
  const shown = filters.article ? articles.filter(a => a.id === filters.article) : articles
  const { list, loadMore, replace, reload } = useBillAmendments(id, filters.article, filters.status, filters.sort, filters.order === 'articles')
  const byPlace = new Map<string, AmendmentView[]>()
  for (const a of list.items) byPlace.set(amendmentPlace(a), [...byPlace.get(amendmentPlace(a)) ?? [], a])
  const [version, setVersion] = useState(0)
  const [fresh, setFresh] = useState(0)
  const refresh = (amendmentId: string) => { api.amendment(amendmentId).then(replace, () => { /* the row stays as it was */ }) }
  const live = useBillLive(bill.data ? id : undefined, {
    'amendment:created': () => setFresh(n => n + 1),
    'amendment:decided': p => refresh(p.amendmentId),
    'amendment:withdrawn': p => refresh(p.amendmentId),
    resync: () => { setFresh(0); setVersion(n => n + 1); bill.reload(); reload() }
  })
  useRowKeys()

  if (bill.data === undefined) return <PageState error={bill.error} onRetry={bill.reload} notFound={t('bill.notFound')} />
  const b = bill.data
  const set = (patch: Partial<Filters>) => { const f = { ...filters, ...patch }; setFilters(f); writeFilters(f) }
  const loading = list.state === 'loading'
  const count = list.items.length
  const more = list.next !== null

  return (
    <div class="page page--staff page--decisions">
      <header class="staff-header">
        <p class="eyebrow">{t('editors.title')}</p>
        <PageHeading title={t('decisions.title')} />
        <p class="staff-header__bill"><a href={`/bills/${encodeURIComponent(b.id)}`}>{b.title}</a></p>
        <BillMeta bill={b} />
        <BillTools billId={b.id} current="amendments" canEdit={b.canEdit} />
      </header>
      {!b.canEdit && <p class="banner" data-readonly="true">{t('decisions.readOnly')}</p>}
      {(b.canEdit || me?.role === 'staff' || me?.role === 'admin') && b.status !== 'draft' && (
        <ImportAmendments billId={b.id} onImported={() => { setVersion(n => n + 1); bill.reload(); reload() }} />
      )}

      <form class="filters" aria-label={t('decisions.filters')} onSubmit={e => e.preventDefault()}>
        <div class="filters__field">
          <label for="filter-order">{t('decisions.order')}</label>
          <select id="filter-order" value={filters.order} onChange={e => set({ order: (e.currentTarget as HTMLSelectElement).value === 'discussion' ? 'discussion' : 'articles' })}>
            <option value="articles">{t('decisions.order.articles')}</option>
            <option value="discussion">{t('decisions.order.discussion')}</option>
          </select>
        </div>
        <div class="filters__field">
          <label for="filter-article">{t('decisions.filterArticle')}</label>
          <select id="filter-article" value={filters.article} onChange={e => set({ article: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('decisions.allArticles')}</option>
            {articles.map(a => <option key={a.id} value={a.id}>{t('article.title', { num: a.num })}{a.heading ? ` — ${a.heading}` : ''}</option>)}
          </select>
        </div>
        <div class="filters__field">
          <label for="filter-status">{t('decisions.filterStatus')}</label>
          <select id="filter-status" value={filters.status} onChange={e => set({ status: (e.currentTarget as HTMLSelectElement).value as StatusFilter })}>
            {STATUSES.map(s => <option key={s} value={s}>{t(STATUS_KEY[s])}</option>)}
          </select>
        </div>
        <div class="filters__field">
          <label for="filter-sort">{t('decisions.filterSort')}</label>
          <select id="filter-sort" value={filters.sort} onChange={e => set({ sort: (e.currentTarget as HTMLSelectElement).value as AmendmentSortKey })}>
            <option value="supported">{t('amendment.sort.supported')}</option>
            <option value="recent">{t('amendment.sort.recent')}</option>
          </select>
        </div>
        <button type="button" class="button button--secondary filters__reload" onClick={() => { setFresh(0); setVersion(n => n + 1); bill.reload(); reload() }}>{t('decisions.reload')}</button>
        <LiveStatus state={live} />
      </form>
      <div class="fresh-slot" role="status">
        {fresh > 0 && (
          <p class="banner fresh">
            {tn('decisions.fresh', fresh)}{' '}
            <button type="button" class="button button--link" onClick={() => { setFresh(0); setVersion(n => n + 1); bill.reload(); reload() }}>{t('decisions.showFresh')}</button>
          </p>
        )}
      </div>
      {filters.order === 'discussion' && <DiscussionList billId={b.id} articles={articles} status={filters.status} canDecide={b.canEdit} version={version} />}
      {filters.order === 'articles' && (<>
      <p class="filters__count" role="status" data-count={loading ? undefined : count}>
        {loading ? t('decisions.loading') : more ? tn('decisions.countMore', count) : tn('decisions.count', count)}
      </p>
      <p class="shortcuts keyboard-hint">{t('decisions.shortcuts')}</p>

      {list.state === 'ready' && count === 0 && !filters.article && <p class="empty">{t('decisions.none')}</p>}
      {list.state === 'error' && <LoadError error={list.error} onRetry={reload} />}
      <div class="decision-list">
        {list.state === 'ready' && shown.map(a => (
          <ArticleGroup key={a.id} article={a} items={byPlace.get(a.id) ?? []} canDecide={b.canEdit} onChange={replace} alone={!!filters.article} />
        ))}
      </div>
      {list.next && (
        <p>
          <button type="button" class="button button--secondary" onClick={() => { void loadMore() }} aria-busy={list.more}>
            {list.more ? t('common.loading') : t('common.more')}
          </button>
        </p>
      )}
      {list.state === 'ready' && list.error !== undefined && <p class="feedback feedback--error" role="alert">{t('decisions.moreFailed')}</p>}
      </>)}
    </div>
  )
}
