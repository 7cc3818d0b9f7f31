/**
 * Bill: a header (title, summary, authors, dates, participation), the
 * outline for jumping, and the text in order: division headings and one
 * card per article with its tally and vote.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { api, type AmendmentView, type ArticleView, type BillView, type Tally } from '../api.ts'
import { phaseOf } from '../../shared/phase.ts'
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { authorLine, BillMeta } from '../components/BillMeta.tsx'
import { Outline } from '../components/Outline.tsx'
import { ArticleCard } from '../components/ArticleCard.tsx'
import { HowItWorks } from '../components/HowItWorks.tsx'
import { AdditionalArticles } from '../components/AdditionalArticles.tsx'
import { PageLoadState } from './PageLoadState.tsx'
import { takeFocusRequest } from '../router.tsx'
import { useBillLive } from '../live.ts'
import { VerifyBanner } from '../components/VerifyBanner.tsx'
import { FollowButton } from '../components/FollowButton.tsx'
import type { SessionState } from '../session.ts'
import { CouncilBox } from '../council/CouncilBox.tsx'

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

/** An article card with, around it, the additional articles proposed before and after it, and the link to propose one after it. */
function ArticleWithAdditions ({ article, additions, bill, level, children }: {
  article: ArticleView; additions: AmendmentView[]; bill: BillView; level: 3 | 4; children: ComponentChildren
}) {
  const before = additions.filter(a => a.position && 'before' in a.position && a.position.before === article.id)
  const after = additions.filter(a => a.position && 'after' in a.position && a.position.after === article.id)
  return (
    <>
      <AdditionalArticles items={before} anchorNum={article.num} level={level} />
      {children}
      <AdditionalArticles items={after} anchorNum={article.num} level={level} />
      {bill.status !== 'draft' && (
        <p class="add-article-link">
          <a href={`/bills/${encodeURIComponent(bill.id)}/add-article?after=${encodeURIComponent(article.id)}`}>
            {t('addArticle.propose')}<span class="sr-only"> {t('addArticle.proposeAfter', { num: article.num })}</span>
          </a>
        </p>
      )}
    </>
  )
}

/** The text of the bill: divisions as headings, articles as cards, in outline order. */
function BillText ({ bill, signedIn, pagePath, tallies, additions }: { bill: BillView; signedIn: boolean | undefined; pagePath: string; tallies: Map<string, Tally>; additions: AmendmentView[] }) {
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
    const level = underDivision ? 4 : 3
    return (
      <ArticleWithAdditions key={article.id} article={article} additions={additions} bill={bill} level={level}>
        <ArticleCard article={article} phase={phase} signedIn={signedIn} level={level} pagePath={pagePath} liveTally={tallies.get(article.id)} />
      </ArticleWithAdditions>
    )
  })
  const rest = bill.articles.filter(a => !placed.has(a.id))
  return (
    <section class="bill-text" aria-labelledby="bill-text-title">
      <h2 id="bill-text-title" class="sr-only">{t('bill.text')}</h2>
      {bill.articles.length === 0 && <p class="empty">{t('bill.empty')}</p>}
      {blocks}
      {rest.map(a => (
        <ArticleWithAdditions key={a.id} article={a} additions={additions} bill={bill} level={3}>
          <ArticleCard article={a} phase={phase} signedIn={signedIn} level={3} pagePath={pagePath} liveTally={tallies.get(a.id)} />
        </ArticleWithAdditions>
      ))}
    </section>
  )
}

/**
 * The bill page. `me` is undefined until the session is known; `epoch`
 * reloads the bill when the reader signs in or out (their own votes).
 */
export function BillPage ({ id, me, epoch }: { id: string; me: SessionState; epoch: number }) {
  const bill = useResource(signal => api.bill(id, signal), [id, epoch])
  // Additional articles proposed (or accepted, or rejected), shown at their place between the articles.
  const additions = useResource(signal => api.billAmendments(id, { sort: 'discussion', kind: 'addArticle', limit: '50' }, signal), [id, epoch])
  // Live tallies by article id; a reload (or a resync after lost events) starts again from the server's.
  const [tallies, setTallies] = useState<Map<string, Tally>>(() => new Map())
  useEffect(() => { setTallies(new Map()) }, [bill.data])
  const live = useBillLive(bill.data ? id : undefined, {
    tally: p => { if (p.target.type === 'article') setTallies(m => new Map(m).set(p.target.id, p.tally)) },
    'amendment:created': () => additions.reload(),
    'amendment:decided': () => additions.reload(),
    'amendment:withdrawn': () => additions.reload(),
    resync: () => { bill.reload(); additions.reload() }
  })
  useScrollToHash(bill.data !== undefined)
  const pagePath = `/bills/${encodeURIComponent(id)}`
  const wide = typeof matchMedia === 'function' && matchMedia('(min-width: 60em)').matches
  // On a phone the summary is folded behind a button, so that the text starts on the first screen.
  const [summaryOpen, setSummaryOpen] = useState(false)

  if (bill.data === undefined) return <PageLoadState error={bill.error} onRetry={bill.reload} notFound={t('bill.notFound')} />
  const b = bill.data
  return (
    <div class="page page--bill" data-live={live}>
      <header class="bill-header">
        <PageHeading title={b.title} />
        <p class="bill-header__authors">{authorLine(b.authors)}</p>
        <BillMeta bill={b} showDates />
        {b.summary && <p id="bill-summary" class={`bill-header__summary${summaryOpen ? '' : ' bill-header__summary--folded'}`}>{b.summary}</p>}
        {b.canEdit && <p class="bill-header__edit"><a href={`${pagePath}/edit`}>{t('bill.editLink')}</a></p>}
        <div class="bill-header__more">
          {b.status !== 'draft' && <FollowButton me={me} target={{ type: 'bill', id: b.id }} what={b.title} />}
          {b.summary && (
            <button type="button" class="button button--link bill-summary__toggle" aria-expanded={summaryOpen} aria-controls="bill-summary" onClick={() => setSummaryOpen(!summaryOpen)}>
              {summaryOpen ? t('bill.summaryLess') : t('bill.summaryMore')}
            </button>
          )}
          <ul class="bill-header__links">
            {b.canEdit && <li><a href={`${pagePath}/amendments`}>{t('bill.amendmentsLink')}</a></li>}
            {b.canEdit && <li><a href={`${pagePath}/consolidated`}>{t('bill.consolidatedLink')}</a></li>}
            {b.status !== 'draft' && <li><a href={`${pagePath}/synthesis`}>{t('bill.synthesisLink')}</a></li>}
            {b.canEdit && <li><a href={`${pagePath}/council`}>{t('council.title')}</a></li>}
          </ul>
          <HowItWorks bill={b} />
        </div>
      </header>
      {b.status !== 'draft' && <CouncilBox billId={b.id} target={{ type: 'bill', id: b.id }} me={me} epoch={epoch} returnTo={pagePath} />}
      {b.status === 'open' && <VerifyBanner me={me} requirements={b.requirements} />}
      <div class="bill-layout">
        {b.outline.length > 0 && (
          <details class="bill-layout__outline" open={wide}>
            <summary>{t('bill.outline')}</summary>
            <Outline outline={b.outline} />
          </details>
        )}
        <BillText bill={b} signedIn={me === undefined ? undefined : me !== null} pagePath={pagePath} tallies={tallies} additions={additions.data?.items ?? []} />
      </div>
    </div>
  )
}
