/**
 * Bill: a header (title, summary, authors, dates, participation), the
 * outline for jumping, and the text in order: division headings and one
 * card per article with its tally and vote.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { api, ApiError, type ArticleView, type BillView, type Tally } from '../api.ts'
import { phaseOf } from '../consultation.ts'
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { authorLine, BillMeta } from '../components/BillMeta.tsx'
import { Loading, LoadError } from '../components/LoadError.tsx'
import { Outline } from '../components/Outline.tsx'
import { ArticleCard } from '../components/ArticleCard.tsx'
import { NotFoundPage } from './NotFound.tsx'
import { takeFocusRequest } from '../router.tsx'
import { useBillLive } from '../live.ts'
import { VerifyBanner } from '../components/VerifyBanner.tsx'
import { FollowButton } from '../components/FollowButton.tsx'
import type { SessionState } from '../session.ts'

/** Moves to the `#article-…` target once the text is there (the browser tried before it was). */
function useScrollToHash (ready: boolean): void {
  const done = useRef(false)
  useEffect(() => {
    if (!ready || done.current) return
    done.current = true
    const hash = location.hash.slice(1)
    if (!hash) return
    const target = document.getElementById(decodeURIComponent(hash))
    if (!target) return
    target.scrollIntoView()
    const heading = target.querySelector<HTMLElement>('[tabindex="-1"]')
    const focusAsked = takeFocusRequest()
    if (heading && (focusAsked || document.activeElement === document.body)) heading.focus({ preventScroll: true })
  }, [ready])
}

/** The text of the bill: divisions as headings, articles as cards, in outline order. */
function BillText ({ bill, signedIn, pagePath, tallies }: { bill: BillView; signedIn: boolean | undefined; pagePath: string; tallies: Map<string, Tally> }) {
  const phase = phaseOf(bill)
  const byId = new Map<string, ArticleView>(bill.articles.map(a => [a.id, a]))
  const placed = new Set<string>()
  let underDivision = false
  const blocks = bill.outline.map(item => {
    if (item.kind === 'division') {
      underDivision = true
      return (
        <h3 key={item.id} id={`division-${item.id}`} class={`division division--${item.level}`} tabIndex={-1}>{item.title}</h3>
      )
    }
    const article = byId.get(item.id)
    if (!article) return null
    placed.add(article.id)
    return <ArticleCard key={article.id} article={article} phase={phase} signedIn={signedIn} level={underDivision ? 4 : 3} pagePath={pagePath} liveTally={tallies.get(article.id)} />
  })
  const rest = bill.articles.filter(a => !placed.has(a.id))
  return (
    <section class="bill-text" aria-labelledby="bill-text-title">
      <h2 id="bill-text-title" class="sr-only">{t('bill.text')}</h2>
      {bill.articles.length === 0 && <p class="empty">{t('bill.empty')}</p>}
      {blocks}
      {rest.map(a => <ArticleCard key={a.id} article={a} phase={phase} signedIn={signedIn} level={3} pagePath={pagePath} liveTally={tallies.get(a.id)} />)}
    </section>
  )
}

/**
 * The bill page. `me` is undefined until the session is known; `epoch`
 * reloads the bill when the reader signs in or out (their own votes).
 */
export function BillPage ({ id, me, epoch }: { id: string; me: SessionState; epoch: number }) {
  const bill = useResource(signal => api.bill(id, signal), [id, epoch])
  // Live tallies by article id; a reload (or a resync after lost events) starts again from the server's.
  const [tallies, setTallies] = useState<Map<string, Tally>>(() => new Map())
  useEffect(() => { setTallies(new Map()) }, [bill.data])
  const live = useBillLive(bill.data ? id : undefined, {
    tally: p => { if (p.target.type === 'article') setTallies(m => new Map(m).set(p.target.id, p.tally)) },
    resync: bill.reload
  })
  useScrollToHash(bill.data !== undefined)
  const pagePath = `/bills/${encodeURIComponent(id)}`
  const wide = typeof matchMedia === 'function' && matchMedia('(min-width: 60em)').matches

  if (bill.data === undefined) {
    if (bill.error instanceof ApiError && bill.error.status === 404) return <NotFoundPage title={t('bill.notFound')} />
    return bill.error
      ? <div class="page"><PageHeading title={t('error.title')} /><LoadError error={bill.error} onRetry={bill.reload} /></div>
      : <div class="page"><Loading /></div>
  }
  const b = bill.data
  return (
    <div class="page page--bill" data-live={live}>
      <header class="bill-header">
        <PageHeading title={b.title} />
        <p class="bill-header__authors">{authorLine(b.authors)}</p>
        <BillMeta bill={b} showDates />
        {b.status !== 'draft' && <p class="bill-header__follow"><FollowButton me={me} target={{ type: 'bill', id: b.id }} what={b.title} /></p>}
        {b.summary && <p class="bill-header__summary">{b.summary}</p>}
        {b.canEdit && <p class="bill-header__edit"><a href={`${pagePath}/edit`}>{t('bill.editLink')}</a></p>}
        <ul class="bill-header__links">
          {b.canEdit && <li><a href={`${pagePath}/amendments`}>{t('bill.amendmentsLink')}</a></li>}
          {b.canEdit && <li><a href={`${pagePath}/consolidated`}>{t('bill.consolidatedLink')}</a></li>}
          {b.status !== 'draft' && <li><a href={`${pagePath}/synthesis`}>{t('bill.synthesisLink')}</a></li>}
        </ul>
      </header>
      {b.status === 'open' && <VerifyBanner me={me} requirements={b.requirements} />}
      <div class="bill-layout">
        {b.outline.length > 0 && (
          <details class="bill-layout__outline" open={wide}>
            <summary>{t('bill.outline')}</summary>
            <Outline outline={b.outline} />
          </details>
        )}
        <BillText bill={b} signedIn={me === undefined ? undefined : me !== null} pagePath={pagePath} tallies={tallies} />
      </div>
    </div>
  )
}
