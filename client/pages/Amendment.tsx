/**
 * Amendment: the article it amends (link), its author, its status with the
 * editors' response, the dispositif with a copy button, the diff inline and
 * side by side, the exposé sommaire, the tally and the vote, and the debate
 * (arguments for and against). When the article changed since, a banner
 * offers its author the rebased version, or shows the conflict. Its author
 * may withdraw it while it is proposed. Live: tally, decision, moderation.
 */
import { useEffect, useState } from 'preact/hooks'
import { api, type AmendmentView, type VoteValue, type Tally } from '../api.ts'
import { phaseOf } from '../../shared/phase.ts'
import { formatDate, getLocale, t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import { useBillLive } from '../live.ts'
import { VerifyBanner } from '../components/VerifyBanner.tsx'
import { FollowButton } from '../components/FollowButton.tsx'
import { contributionError } from '../contribution-errors.ts'
import type { SessionState } from '../session.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { Breadcrumb } from '../components/Breadcrumb.tsx'
import { AmendmentStatus, statusWord } from '../components/AmendmentStatus.tsx'
import { AuthorName } from '../components/AuthorName.tsx'
import { InlineDiff } from '../components/InlineDiff.tsx'
import { SideBySideDiff } from '../components/SideBySideDiff.tsx'
import { Wording } from '../components/Wording.tsx'
import { LinkedText } from '../components/LinkedText.tsx'
import { TallyBar } from '../components/TallyBar.tsx'
import { VoteWidget } from '../components/VoteWidget.tsx'
import { ArgumentsSection } from '../components/ArgumentsSection.tsx'
import { ReportButton, hiddenNotice } from '../components/ReportButton.tsx'
import { LiveStatus } from '../components/LiveStatus.tsx'
import { FormError } from '../components/FormError.tsx'
import { StaleBanner } from '../components/StaleBanner.tsx'
import { announce } from '../components/Announcer.tsx'
import { articlePath } from './Article.tsx'
import { amendmentPlace } from '../../shared/additional-article.ts'
import { AmendmentBadges, additionTitle } from '../components/AmendmentBadges.tsx'
import { PageLoadState } from './PageLoadState.tsx'
import { CouncilBox } from '../council/CouncilBox.tsx'

/** The amendment page; `epoch` reloads it when the reader signs in or out. */
export function AmendmentPage ({ id, me, epoch }: { id: string; me: SessionState; epoch: number }) {
  const amendment = useResource(signal => api.amendment(id, signal), [id, epoch])
  const articleId = amendment.data ? amendmentPlace(amendment.data) : undefined
  const billId = amendment.data?.billId
  const article = useResource(signal => articleId ? api.article(articleId, signal) : new Promise<never>(() => {}), [articleId])
  const bill = useResource(signal => billId ? api.bill(billId, signal) : new Promise<never>(() => {}), [billId, epoch])
  const [view, setView] = useState<AmendmentView | null>(null)
  const [pending, setPending] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)

  useEffect(() => { if (amendment.data) setView(amendment.data) }, [amendment.data])

  const live = useBillLive(billId, {
    tally: p => { if (p.target.type === 'amendment' && p.target.id === id) setView(v => v && { ...v, tally: p.tally }) },
    'argument:created': p => { if (p.argument.target.type === 'amendment' && p.argument.target.id === id) setView(v => v && { ...v, argumentCount: p.argumentCount }) },
    'argument:deleted': p => { if (p.target.type === 'amendment' && p.target.id === id) setView(v => v && { ...v, argumentCount: p.argumentCount }) },
    'amendment:decided': p => { if (p.amendmentId === id) amendment.reload() },
    'amendment:withdrawn': p => { if (p.amendmentId === id) amendment.reload() },
    moderated: p => { if (p.target.type === 'amendment' && p.target.id === id) amendment.reload() },
    'bill:published': () => { amendment.reload(); article.reload(); bill.reload() },
    'bill:closed': () => bill.reload(),
    resync: () => { amendment.reload(); bill.reload() }
  })

  if (amendment.data === undefined || view === null) return <PageLoadState error={amendment.error} onRetry={amendment.reload} notFound={t('amendment.notFound')} />
  const a = view
  const num = article.data?.num
  const b = bill.data
  const phase = b ? phaseOf(b) : undefined
  const mine = !!me && me.id === a.author.id
  const artTitle = num ? t('article.title', { num }) : t('amendment.article')
  const title = a.kind === 'addArticle' ? additionTitle(a, num) : num ? t('amendment.titleOf', { num }) : t('amendment.title')
  const path = `/amendments/${encodeURIComponent(a.id)}`
  const masked = a.hidden && !a.diff

  async function act (what: 'withdraw' | 'rebase') {
    if (pending) return
    setPending(true)
    setActionError(null)
    try {
      const next = what === 'withdraw' ? await api.withdraw(a.id) : await api.rebase(a.id)
      setView(next)
      announce(what === 'withdraw' ? t('amendment.withdrawn') : t('amendment.rebased'))
    } catch (err) {
      setActionError(contributionError(err))
    } finally {
      setPending(false)
    }
  }

  return (
    <div class="page page--amendment" data-live={live}>
      <Breadcrumb items={[
        { label: t('nav.home'), href: '/' },
        { label: b?.title ?? t('common.loading'), href: `/bills/${encodeURIComponent(a.billId)}` },
        { label: artTitle, href: articlePath(amendmentPlace(a)) },
        { label: t('amendment.crumb', { name: a.author.displayName }) }
      ]} />
      <header class="amendment-header">
        <PageHeading title={title} />
        <p class="amendment-header__meta">
          <AmendmentBadges amendment={a} />
          <AmendmentStatus status={a.status} />
          <span>{t('amendment.proposedBy')} <AuthorName author={a.author} /></span>
          <span>{t('amendment.proposedOn', { date: formatDate(a.createdAt) })}</span>
          <a href={articlePath(amendmentPlace(a))}>{num ? t('amendment.readArticleNum', { num }) : t('amendment.readArticle', { article: artTitle })}</a>
        </p>
        {a.origin && (
          <p class="amendment-header__origin">
            {a.origin.authors.length > 0 && <span>{t('amendment.originAuthors', { authors: a.origin.authors.slice(0, 12).join(', ') + (a.origin.authors.length > 12 ? '…' : '') })} </span>}
            {a.origin.url && <a href={a.origin.url} rel="noopener noreferrer">{t('amendment.originLink')}</a>}
          </p>
        )}
        {a.kind === 'addArticle' && a.heading && <p class="additional-article__heading">{a.heading}</p>}
        <LiveStatus state={live} />
        <FollowButton me={me} target={{ type: 'amendment', id: a.id }} what={title} />
      </header>
      {b?.status === 'open' && <VerifyBanner me={me} requirements={b.requirements} />}

      {a.decision && (
        <section class={`decision decision--${a.status}`} aria-labelledby="decision-title">
          <h2 id="decision-title">{t('amendment.decisionTitle', { status: statusWord(a.status) })}</h2>
          <p class="decision__by">{t('amendment.decidedBy', { name: a.decision.by.displayName, date: formatDate(a.decision.at) })}</p>
          <p class="explanation"><LinkedText text={a.decision.response} /></p>
        </section>
      )}
      <CouncilBox billId={a.billId} target={{ type: 'amendment', id: a.id }} me={me} epoch={epoch} returnTo={`/amendments/${encodeURIComponent(a.id)}`} invite={false} />
      {a.hidden && <p class="moderated">{mine ? t('moderation.hiddenOwn', { notice: hiddenNotice(a.hiddenReason) }) : hiddenNotice(a.hiddenReason)}</p>}
      {a.stale && a.status === 'proposed' && (
        <StaleBanner amendment={a} mine={mine} pending={pending} onConfirm={() => { void act('rebase') }} />
      )}

      {/* What changes, why, then the vote: near the top; the formal wording and the table follow. */}
      {!masked && a.diff && (
        <section class="amendment-section" aria-labelledby="diff-inline-title">
          <h2 id="diff-inline-title">{t('amendment.changes')}</h2>
          <InlineDiff diff={a.diff} label={t('amendment.diffLabel', { name: a.author.displayName })} />
        </section>
      )}
      <section class="amendment-section" aria-labelledby="explanation-title">
        <h2 id="explanation-title">{t('amendment.explanation')}</h2>
        <p class="explanation">{masked ? hiddenNotice(a.hiddenReason) : <LinkedText text={a.explanation} />}</p>
      </section>

      <section class="card amendment-vote" aria-labelledby="amendment-vote-title">
        <h2 id="amendment-vote-title" class="article-vote__title">{t('amendment.voteTitle')}</h2>
        <TallyBar tally={a.tally} label={t('amendment.tally', { name: a.author.displayName })} />
        <VoteWidget
          target="amendment"
          articleId={a.id}
          articleNum={num ?? ''}
          legend={t('amendment.voteLegend')}
          myVote={a.myVote}
          phase={phase ?? 'open'}
          signedIn={phase === undefined || me === undefined ? undefined : me !== null}
          unavailable={a.status !== 'proposed' ? t('amendment.voteClosed', { status: statusWord(a.status).toLocaleLowerCase(getLocale()) }) : null}
          returnTo={path}
          onVoted={(tally: Tally, myVote: VoteValue | null) => setView(v => v && { ...v, tally, myVote })}
        />
      </section>

      {!masked && a.wording && (
        <section class="amendment-section" aria-labelledby="wording-title">
          <h2 id="wording-title">{t('amendment.wording')}</h2>
          <Wording wording={a.wording} copy />
        </section>
      )}
      {!masked && a.diff && (
        <section class="amendment-section" aria-labelledby="diff-side-title">
          <h2 id="diff-side-title">{t('amendment.sideBySide')}</h2>
          <SideBySideDiff diff={a.diff} caption={t('amendment.sideBySideCaption', { article: artTitle })} />
        </section>
      )}
      {(mine && a.status === 'proposed') || (me && !mine && !a.hidden)
        ? (
          <div class="amendment-actions">
            {mine && a.status === 'proposed' && (
              <button type="button" class="button button--secondary" aria-disabled={pending} onClick={() => { if (confirm(t('amendment.withdrawConfirm'))) void act('withdraw') }}>
                {t('amendment.withdraw')}
              </button>
            )}
            {me && !mine && !a.hidden && <ReportButton target={{ type: 'amendment', id: a.id }} what={t('amendment.crumb', { name: a.author.displayName })} />}
            <FormError message={actionError} />
          </div>
          )
        : null}

      {phase && (
        <section class="amendment-section amendment-debate" aria-labelledby="debate-title">
          <h2 id="debate-title">{t('amendment.debate')} <span class="tabs__count">({a.argumentCount.for + a.argumentCount.against})</span></h2>
          <ArgumentsSection
            billId={a.billId}
            target={{ type: 'amendment', id: a.id }}
            phase={phase}
            me={me}
            epoch={epoch}
            returnTo={path}
            accepting={!a.hidden}
          />
        </section>
      )}
    </div>
  )
}
