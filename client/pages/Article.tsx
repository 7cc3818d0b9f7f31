/**
 * Article: the page most people land on. The text with its alinéas
 * numbered in the margin, the vote, "Proposer un amendement" while the
 * consultation is open, then two tabs: the arguments ("Pour" | "Contre")
 * and the amendments. Tallies, counts, arguments and amendments follow the
 * bill's live events; after a reconnection that lost events, it re-fetches.
 */
import { useEffect, useState } from 'preact/hooks'
import '../citizen.css'
import { api, type ArticleView, type VoteValue } from '../api.ts'
import { phaseOf } from '../../shared/phase.ts'
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import { useBillLive } from '../live.ts'
import { VerifyBanner } from '../components/VerifyBanner.tsx'
import { FollowButton } from '../components/FollowButton.tsx'
import type { SessionState } from '../session.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { Breadcrumb } from '../components/Breadcrumb.tsx'
import { PhaseBadge } from '../components/BillMeta.tsx'
import { LoadError } from '../components/LoadError.tsx'
import { AlineaList } from '../components/AlineaList.tsx'
import { RevisionNotice } from '../components/RevisionNotice.tsx'
import { ConfirmVote, RevisionTally } from '../components/RevisionTally.tsx'
import { VoteWidget } from '../components/VoteWidget.tsx'
import { Tabs } from '../components/Tabs.tsx'
import { ArgumentsSection } from '../components/ArgumentsSection.tsx'
import { AmendmentList } from '../components/AmendmentList.tsx'
import { LiveStatus } from '../components/LiveStatus.tsx'
import { PageLoadState } from './PageLoadState.tsx'
import { CouncilBox } from '../council/CouncilBox.tsx'

/** The path of an article's page. */
export const articlePath = (id: string) => `/articles/${encodeURIComponent(id)}`

type Counts = Pick<ArticleView, 'tally' | 'amendmentCount' | 'argumentCount' | 'myVoteRevision'> & { myVote: VoteValue | null }

const TAB_OF_HASH: Record<string, string> = { '#amendements': 'amendments', '#arguments': 'arguments' }

/** The tab named by the address (#amendements, #arguments), arguments by default. */
function useTabFromHash (): [string, (id: string) => void] {
  const [tab, setTab] = useState(() => TAB_OF_HASH[location.hash] ?? 'arguments')
  useEffect(() => {
    const onHash = () => { const named = TAB_OF_HASH[location.hash]; if (named) setTab(named) }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  return [tab, setTab]
}

/** The article page; `epoch` reloads it when the reader signs in or out. */
export function ArticlePage ({ id, me, epoch }: { id: string; me: SessionState; epoch: number }) {
  const article = useResource(signal => api.article(id, signal), [id, epoch])
  const billId = article.data?.billId
  const bill = useResource(signal => billId ? api.bill(billId, signal) : new Promise<never>(() => {}), [billId, epoch])
  const [counts, setCounts] = useState<Counts | null>(null)
  const [tab, setTab] = useTabFromHash()

  useEffect(() => {
    const a = article.data
    if (a) setCounts({ tally: a.tally, amendmentCount: a.amendmentCount, argumentCount: a.argumentCount, myVote: a.myVote, myVoteRevision: a.myVoteRevision })
  }, [article.data])

  const live = useBillLive(billId, {
    tally: p => { if (p.target.type === 'article' && p.target.id === id) setCounts(c => c && { ...c, tally: p.tally }) },
    'argument:created': p => { if (p.argument.target.type === 'article' && p.argument.target.id === id) setCounts(c => c && { ...c, argumentCount: p.argumentCount }) },
    'argument:deleted': p => { if (p.target.type === 'article' && p.target.id === id) setCounts(c => c && { ...c, argumentCount: p.argumentCount }) },
    'amendment:created': p => { if (p.articleId === id) setCounts(c => c && { ...c, amendmentCount: c.amendmentCount + 1 }) },
    'amendment:withdrawn': p => { if (p.articleId === id) setCounts(c => c && { ...c, amendmentCount: Math.max(0, c.amendmentCount - 1) }) },
    'bill:published': () => { article.reload(); bill.reload() },
    'bill:closed': () => bill.reload(),
    resync: () => { article.reload(); bill.reload() }
  })

  if (article.data === undefined) return <PageLoadState error={article.error} onRetry={article.reload} notFound={t('article.notFound')} />
  const a = article.data
  const b = bill.data
  const c = counts ?? { tally: a.tally, amendmentCount: a.amendmentCount, argumentCount: a.argumentCount, myVote: a.myVote, myVoteRevision: a.myVoteRevision }
  const title = t('article.title', { num: a.num })
  const phase = b ? phaseOf(b) : undefined
  const path = articlePath(a.id)
  const billPath = `/bills/${encodeURIComponent(a.billId)}`
  const argumentTotal = c.argumentCount.for + c.argumentCount.against
  const siblings = b ? b.outline.filter(o => o.kind === 'article') : []
  const index = siblings.findIndex(o => o.id === a.id)
  const prev = index > 0 ? siblings[index - 1] : null
  const next = index >= 0 && index < siblings.length - 1 ? siblings[index + 1] : null

  return (
    <div class="page page--article" data-live={live}>
      <Breadcrumb items={[
        { label: t('nav.home'), href: '/' },
        { label: b?.title ?? t('common.loading'), href: `${billPath}#article-${a.id}` },
        { label: title }
      ]} />
      <header class="article-header">
        <PageHeading title={a.heading ? `${title} — ${a.heading}` : title} class="article-header__title">
          <span class="article-header__num">{title}</span>
          {a.heading && <span class="article-header__heading">{a.heading}</span>}
        </PageHeading>
        <div class="article-header__meta">
          {phase && <PhaseBadge phase={phase} />}
          <LiveStatus state={live} />
          <FollowButton me={me} target={{ type: 'article', id: a.id }} what={title} />
        </div>
      </header>
      {b?.status === 'open' && <VerifyBanner me={me} requirements={b.requirements} />}

      <div class="article-layout">
        <section class="article-text" aria-labelledby="article-text-title">
          <h2 id="article-text-title" class="sr-only">{t('article.text')}</h2>
          <RevisionNotice article={a} />
          <AlineaList alineas={a.alineas} label={t('article.alineas', { num: a.num })} class="alineas--reading" />
        </section>

        <section class="card article-vote" aria-labelledby="article-vote-title">
          <h2 id="article-vote-title" class="article-vote__title">{t('article.voteTitle')}</h2>
          <RevisionTally tally={c.tally} num={a.num} />
          <VoteWidget
            articleId={a.id}
            articleNum={a.num}
            myVote={c.myVote}
            phase={phase ?? 'open'}
            signedIn={phase === undefined || me === undefined ? undefined : me !== null}
            returnTo={path}
            onVoted={(tally, mine) => setCounts(x => ({ ...(x ?? c), tally, myVote: mine, myVoteRevision: mine ? a.revision : null }))}
          />
          <ConfirmVote
            article={a}
            myVote={c.myVote}
            myVoteRevision={c.myVoteRevision}
            phase={phase}
            signedIn={phase === undefined || me === undefined ? undefined : me !== null}
            onConfirmed={tally => setCounts(x => ({ ...(x ?? c), tally, myVoteRevision: a.revision }))}
          />
          {phase === 'open' && (
            <p class="article-vote__cta">
              <a class="button button--primary button--cta" href={`${path}/amend`}>{t('amend.cta')}</a>
            </p>
          )}
        </section>
      </div>
      <CouncilBox billId={a.billId} target={{ type: 'article', id: a.id }} me={me} epoch={epoch} returnTo={path} />

      <Tabs
        label={t('article.debate', { num: a.num })}
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'arguments',
            label: <>{t('article.argumentsTab')} <span class="tabs__count">({argumentTotal})</span></>,
            panel: () => (
              <ArgumentsSection billId={a.billId} target={{ type: 'article', id: a.id }} phase={phase} me={me} epoch={epoch} returnTo={`${path}#arguments`} />
            )
          },
          {
            id: 'amendments',
            label: <>{t('article.amendmentsTab')} <span class="tabs__count">({c.amendmentCount})</span></>,
            panel: () => (
              <>
                {phase === 'open' && <p class="amendments__cta"><a href={`${path}/amend`}>{t('amend.cta')}</a></p>}
                <AmendmentList billId={a.billId} articleId={a.id} me={me} epoch={epoch} />
              </>
            )
          }
        ]}
      />
      {bill.error !== undefined && !b && <LoadError error={bill.error} onRetry={bill.reload} />}

      {(prev || next) && (
        <nav class="pager" aria-label={t('article.pager')}>
          {prev && <a rel="prev" href={articlePath(prev.id)}>← {t('article.title', { num: prev.num })}</a>}
          {next && <a rel="next" href={articlePath(next.id)}>{t('article.title', { num: next.num })} →</a>}
        </nav>
      )}
    </div>
  )
}
