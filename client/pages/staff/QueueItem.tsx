/**
 * A contribution in the moderation queue: what it is and where (bill,
 * article, what it argues about), its full text even when hidden, its
 * author, the reports (reason, words, who, when), its state, and the
 * hide / restore controls.
 */
import type { ReportReason } from '../../api.ts'
import { formatDate, t, tn } from '../../i18n/index.ts'
import { AuthorName } from '../../components/AuthorName.tsx'
import { AlineaList } from '../../components/AlineaList.tsx'
import { reasonWord } from '../../components/ReportButton.tsx'
import type { ModerationActionView, ModerationQueueItemView } from './staff-api.ts'
import { ModerationControls } from './ModerationControls.tsx'

/** Where a contribution can be read: an argument on its article or amendment page, an amendment on its own. */
export function contentHref (item: Pick<ModerationQueueItemView, 'target' | 'context'>): string {
  const { target, context } = item
  if (target.type === 'amendment') return `/amendments/${encodeURIComponent(target.id)}`
  const about = context.about ?? (context.article ? { type: 'article' as const, id: context.article.id } : null)
  if (!about) return `/bills/${encodeURIComponent(context.bill.id)}`
  return `/${about.type}s/${encodeURIComponent(about.id)}#argument-${encodeURIComponent(target.id)}`
}

/** What the content is: "Argument pour", "Argument contre", "Amendement". */
export function contentKind (item: Pick<ModerationQueueItemView, 'target'> & { content?: { side: 'for' | 'against' | null } }): string {
  if (item.target.type === 'amendment') return t('moderation.kind.amendment')
  return item.content?.side === 'against' ? t('moderation.kind.against') : item.content?.side === 'for' ? t('moderation.kind.for') : t('moderation.kind.argument')
}

/** The reason reported most often: the default reason to hide with. */
function commonReason (item: ModerationQueueItemView): ReportReason {
  const counts = new Map<ReportReason, number>()
  for (const r of item.reports) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1)
  let best: ReportReason = 'other'
  let n = 0
  for (const [reason, c] of counts) if (c > n) { best = reason; n = c }
  return best
}

/** One item; `onAction` gets the action done here (the page updates the item and the log). */
/** `autoHideReports`: after how many reports content hides itself (the server's setting), for the badge. */
export function QueueItem ({ item, autoHideReports, onAction }: { item: ModerationQueueItemView; autoHideReports?: number; onAction: (a: ModerationActionView) => void }) {
  const { target, context, content, state } = item
  const key = `${target.type}-${target.id}`
  const titleId = `queue-${key}`
  return (
    <article class={`queue-item${state.hidden ? ' queue-item--hidden' : ''}`} aria-labelledby={titleId}
      data-target-type={target.type} data-target-id={target.id} data-hidden={state.hidden}>
      <header class="queue-item__head">
        <h3 id={titleId} class="queue-item__title">
          <a href={contentHref(item)}>{contentKind(item)}</a> <span class="queue-item__by">{t('moderation.by')} <AuthorName author={content.author} /></span>
        </h3>
        <p class="queue-item__context">
          <a href={`/bills/${encodeURIComponent(context.bill.id)}`}>{context.bill.title}</a>
          {context.article && <> <span aria-hidden="true">›</span> <a href={`/articles/${encodeURIComponent(context.article.id)}`}>{t('article.title', { num: context.article.num })}</a></>}
          {context.about?.type === 'amendment' && <> <span aria-hidden="true">›</span> <a href={`/amendments/${encodeURIComponent(context.about.id)}`}>{t('amendment.title')}</a></>}
        </p>
        <p class="queue-item__counts">
          <strong class="queue-item__reports" data-count={item.reportCount}>{tn('moderation.reports', item.reportCount)}</strong>
          {' '}<span>{tn('moderation.pending', item.pendingReports)}</span>
        </p>
        {state.hidden && (
          <p class="badge badge--hidden queue-item__state">
            <span aria-hidden="true">⊘ </span>
            {state.by
              ? t('moderation.stateHiddenBy', { reason: reasonWord(state.reason), name: state.by.displayName, date: state.at ? formatDate(state.at, true) : '' })
              : autoHideReports ? tn('moderation.stateHiddenAfter', autoHideReports) : t('moderation.stateHiddenAuto', { reason: reasonWord(state.reason) })}
          </p>
        )}
      </header>
      <div class="queue-item__content">
        {target.type === 'amendment' && content.alineas && (
          <>
            <p class="decision__label">{t('moderation.proposedText')}</p>
            <AlineaList alineas={content.alineas} label={t('moderation.proposedText')} />
            <p class="decision__label">{t('amendment.explanation')}</p>
          </>
        )}
        <blockquote class="queue-item__body">{content.body}</blockquote>
        <p class="queue-item__meta">{t('moderation.postedOn', { date: formatDate(content.createdAt, true) })}</p>
      </div>
      <details class="queue-item__reports-list" open={item.reports.length <= 3}>
        <summary>{tn('moderation.reportsTitle', item.reports.length)}</summary>
        <ul class="reports">
          {item.reports.map((r, i) => (
            <li key={i} class="report">
              <strong class="report__reason">{reasonWord(r.reason)}</strong>
              {r.body && <> — <q class="report__body">{r.body}</q></>}
              <span class="report__who"> — <AuthorName author={r.reporter} />, <time dateTime={r.at}>{formatDate(r.at, true)}</time></span>
            </li>
          ))}
        </ul>
      </details>
      <ModerationControls
        target={target}
        hidden={state.hidden}
        autoHidden={state.hidden && state.reason === 'reported'}
        initialReason={commonReason(item)}
        idPrefix={`queue-${key}`}
        onDone={onAction}
      />
    </article>
  )
}
