/**
 * The moderation log, newest first: when, hidden or restored, why, what
 * (with a link where the page knows its place) and by whom (or the system,
 * after reports). The latest action on a hidden contribution offers
 * "Rétablir"; "Voir plus" loads older entries.
 */
import { formatDate, t } from '../../i18n/index.ts'
import { reasonWord } from '../../components/ReportButton.tsx'
import type { ModerationActionView } from './staff-api.ts'
import { ModerationControls } from './ModerationControls.tsx'

/** What the page knows of a target (from the queue): a name and where to read it. */
export interface TargetInfo { kind: string; href: string; excerpt: string }

/** The log; `known` names targets seen in the queue; `onAction` gets a restore done here. */
export function ModerationLog ({ items, next, loadingMore, onMore, known, onAction }: {
  items: ModerationActionView[]
  next: string | null
  loadingMore: boolean
  onMore: () => void
  known: Map<string, TargetInfo>
  onAction: (a: ModerationActionView) => void
}) {
  // The first entry of a target (newest first) is its latest action.
  const latest = new Set<string>()
  const seen = new Set<string>()
  for (const a of items) {
    const k = `${a.target.type}:${a.target.id}`
    if (!seen.has(k)) { seen.add(k); latest.add(a.id) }
  }
  return (
    <>
      {items.length === 0 && <p class="empty">{t('moderation.logEmpty')}</p>}
      <ol class="mod-log">
        {items.map(a => {
          const info = known.get(a.target.id)
          const href = info?.href ?? (a.target.type === 'amendment' ? `/amendments/${encodeURIComponent(a.target.id)}` : `/bills/${encodeURIComponent(a.billId)}`)
          const what = info?.kind ?? (a.target.type === 'amendment' ? t('moderation.kind.amendment') : t('moderation.kind.argument'))
          const canRestore = a.action === 'hide' && latest.has(a.id)
          return (
            <li key={a.id} class={`mod-log__entry mod-log__entry--${a.action}`} data-action={a.action} data-target-id={a.target.id}>
              <p class="mod-log__line">
                <time dateTime={a.at}>{formatDate(a.at, true)}</time>
                <span aria-hidden="true"> · </span>
                <strong class="mod-log__action">
                  <span aria-hidden="true">{a.action === 'hide' ? '⊘ ' : '↺ '}</span>
                  {a.action === 'hide' ? t('moderation.log.hide') : t('moderation.log.restore')}
                </strong>
                {' '}({reasonWord(a.reason)})
                {a.note && <span class="mod-log__note"> — « {a.note} »</span>}
                <span aria-hidden="true"> · </span>
                <a href={href}>{what}</a>
                {(a.excerpt ?? info?.excerpt) && <span class="mod-log__excerpt"> « {a.excerpt ?? info?.excerpt} »</span>}
                <span aria-hidden="true"> · </span>
                <span class="mod-log__by">{a.by ? t('moderation.log.by', { name: a.by.displayName }) : t('moderation.log.system')}</span>
              </p>
              {canRestore && (
                <ModerationControls
                  target={a.target}
                  hidden
                  hideButton={false}
                  initialReason="error"
                  idPrefix={`log-${a.id}`}
                  onDone={onAction}
                />
              )}
            </li>
          )
        })}
      </ol>
      {next && (
        <p>
          <button type="button" class="button button--secondary" onClick={onMore} aria-busy={loadingMore}>
            {loadingMore ? t('common.loading') : t('common.more')}
          </button>
        </p>
      )}
    </>
  )
}
