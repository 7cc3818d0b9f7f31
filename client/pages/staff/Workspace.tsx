/**
 * « Mon espace » (`/workspace`), for authors, staff and admins: the bills
 * they edit with how many amendments wait for a decision (and how many were
 * decided), the proposed amendments to decide, oldest first, and the latest
 * amendments and arguments on those bills. One request (GET /me/workspace);
 * links lead to the decisions page, the amendment or the article.
 */
import { call } from '../../api.ts'
import type { WorkspaceActivityView, WorkspaceAmendmentView, WorkspaceBillView, WorkspaceView } from '../../../shared/api.ts'
import { formatDate, t, tn } from '../../i18n/index.ts'
import { useResource } from '../../useResource.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { Loading } from '../../components/LoadError.tsx'
import type { SessionState } from '../../session.ts'
import { billPath, NotAllowed, PageState } from './common.tsx'

const STATUS_KEY = { draft: 'bill.status.draft', open: 'bill.status.open', closed: 'bill.status.closed' } as const

/** One bill I edit: its state and its amendments by status. */
function BillLine ({ bill: b }: { bill: WorkspaceBillView }) {
  return (
    <li class="card workspace-bill" data-bill-id={b.id} data-pending={b.amendments.proposed}>
      <h3 class="workspace-bill__title"><a href={billPath(b.id)}>{b.title}</a></h3>
      <p class="workspace-bill__meta">
        <span class="badge">{t(STATUS_KEY[b.status])}</span>{' '}
        {b.closesAt && b.status !== 'draft' && <span>{t('workspace.closes', { date: formatDate(b.closesAt) })}</span>}
      </p>
      <p class="workspace-bill__counts">
        <strong class="workspace-bill__pending">{tn('workspace.pending', b.amendments.proposed)}</strong>{' · '}
        <span>{t('workspace.decided', { accepted: String(b.amendments.accepted), rejected: String(b.amendments.rejected), withdrawn: String(b.amendments.withdrawn) })}</span>
      </p>
      <p class="workspace-bill__links">
        {b.status === 'draft'
          ? <a href={billPath(b.id, 'edit')}>{t('staff.nav.edit')}</a>
          : <a href={billPath(b.id, 'amendments')}>{t('workspace.decide')}</a>}
      </p>
    </li>
  )
}

/** Where an amendment goes: « Article 2 », or an additional article next to one. */
function place (a: { kind: string; articleNum: string | null; position?: 'after' | 'before' | null }): string {
  if (a.articleNum === null) return t('workspace.removedArticle')
  if (a.kind === 'addArticle') return t(a.position === 'before' ? 'workspace.additionBefore' : 'workspace.additionAfter', { num: a.articleNum })
  return t('article.title', { num: a.articleNum })
}

/** One amendment waiting for a decision. */
function PendingLine ({ a }: { a: WorkspaceAmendmentView }) {
  return (
    <li class="workspace-pending__item" data-amendment-id={a.id}>
      <a href={`/amendments/${encodeURIComponent(a.id)}`}>{t('amendment.number', { n: String(a.number) })} · {place(a)}</a>
      {' — '}<span>{a.billTitle}</span>
      <br />
      <span class="workspace__meta">{t('workspace.by', { name: a.author.displayName, date: formatDate(a.createdAt) })}</span>{' · '}
      <span class="workspace__meta">{t('similar.support', { for: String(a.tally.for), mixed: String(a.tally.mixed), against: String(a.tally.against) })}</span>
      {a.stale && <>{' '}<span class="badge badge--stale">{t('decisions.stale')}</span></>}
    </li>
  )
}

/** One recent contribution: who did what, where, when. */
function ActivityLine ({ x }: { x: WorkspaceActivityView }) {
  const amendment = x.amendmentNumber !== null ? t('amendment.number', { n: String(x.amendmentNumber) }) : ''
  const article = x.articleNum !== null ? t('article.title', { num: x.articleNum }) : t('workspace.removedArticle')
  const href = x.amendmentId ? `/amendments/${encodeURIComponent(x.amendmentId)}` : x.articleId ? `/articles/${encodeURIComponent(x.articleId)}` : billPath(x.billId)
  const what = x.type === 'amendment'
    ? t('workspace.didAmendment', { name: x.author.displayName, number: amendment, article })
    : t(x.side === 'against' ? 'workspace.didArgumentAgainst' : 'workspace.didArgumentFor', {
      name: x.author.displayName,
      target: x.amendmentId ? t('workspace.targetAmendment', { number: amendment, article }) : t('workspace.targetArticle', { article })
    })
  return (
    <li class="workspace-activity__item" data-type={x.type} data-id={x.id}>
      <a href={href}>{what}</a>{' — '}<span>{x.billTitle}</span>
      <br /><span class="workspace__meta">{formatDate(x.at, true)}</span>
    </li>
  )
}

/** The page; `epoch` reloads it when the reader signs in or out. */
export function WorkspacePage ({ me, epoch }: { me: SessionState; epoch: number }) {
  const allowed = !!me && (me.role === 'author' || me.role === 'staff' || me.role === 'admin')
  const ws = useResource<WorkspaceView>(signal => allowed ? call('workspace', {}, signal) : new Promise<never>(() => {}), [allowed, epoch])
  if (me === undefined) return <div class="page"><Loading /></div>
  if (me === null) return <NotAllowed status={401} />
  if (!allowed) return <NotAllowed status={403} message={t('workspace.forbidden')} />
  if (ws.data === undefined) return <PageState error={ws.error} onRetry={ws.reload} notFound={t('workspace.title')} />
  const w = ws.data
  const others = w.pending - w.needsDecision.length
  return (
    <div class="page page--staff page--workspace">
      <header class="staff-header">
        <PageHeading title={t('workspace.title')} />
        <p class="lead">{t('workspace.intro')}</p>
      </header>
      <section class="workspace-section" aria-labelledby="workspace-bills-title">
        <h2 id="workspace-bills-title">{t('workspace.bills')}</h2>
        {w.bills.length
          ? <ul class="workspace-bills">{w.bills.map(b => <BillLine key={b.id} bill={b} />)}</ul>
          : <p class="empty">{t('workspace.noBills')}</p>}
      </section>
      <section class="workspace-section" aria-labelledby="workspace-pending-title">
        <h2 id="workspace-pending-title">{t('workspace.needsDecision')} <span class="tabs__count">({w.pending})</span></h2>
        {w.needsDecision.length
          ? (
            <>
              <p class="field__hint">{t('workspace.oldestFirst')}</p>
              <ol class="workspace-pending">{w.needsDecision.map(a => <PendingLine key={a.id} a={a} />)}</ol>
              {others > 0 && <p>{tn('workspace.others', others)}</p>}
            </>
            )
          : <p class="empty">{t('workspace.nothingToDecide')}</p>}
      </section>
      <section class="workspace-section" aria-labelledby="workspace-activity-title">
        <h2 id="workspace-activity-title">{t('workspace.activity')}</h2>
        {w.activity.length
          ? <ul class="workspace-activity">{w.activity.map(x => <ActivityLine key={`${x.type}:${x.id}`} x={x} />)}</ul>
          : <p class="empty">{t('workspace.noActivity')}</p>}
      </section>
    </div>
  )
}
