/**
 * The account's notifications: decisions on one's amendments with the
 * editors' response, activity on what one follows, new revisions, what
 * moderation did to one's contributions; unread ones marked, "tout marquer
 * comme lu", "voir plus".
 */
import { useState } from 'preact/hooks'
import { formatDate, t } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'
import { usePagedList } from '../../usePagedList.ts'
import { identityApi, type UserNotificationView } from '../../identity-api.ts'
import { reasonWord } from '../../components/ReportButton.tsx'
import { Loading, LoadError } from '../../components/LoadError.tsx'
import { Feedback, IDLE, type ActionState } from '../../components/Feedback.tsx'
import { setUnreadCount } from '../../components/NotificationCount.tsx'
import type { ReportReason } from '../../../shared/types.ts'

const str = (n: UserNotificationView, k: string): string => typeof n.data?.[k] === 'string' ? n.data[k] as string : ''

/** One notification in words. */
export function notificationText (n: UserNotificationView): string {
  const where = str(n, 'num') ? t('notif.article', { num: str(n, 'num') }) : t('notif.amendment')
  switch (n.kind) {
    case 'decision': return t(str(n, 'status') === 'accepted' ? 'notif.accepted' : 'notif.rejected', { response: str(n, 'response') })
    case 'amendment': return t('notif.newAmendment', { where, excerpt: str(n, 'excerpt') })
    case 'argument': return t(str(n, 'side') === 'against' ? 'notif.newArgumentAgainst' : 'notif.newArgumentFor', { where, excerpt: str(n, 'excerpt') })
    case 'revision': {
      const changed = Array.isArray(n.data?.changed) ? (n.data.changed as { num: string }[]).map(c => c.num).join(', ') : ''
      return t('notif.revision', { title: str(n, 'title'), revision: String(n.data?.revision ?? ''), changed: changed || '—' })
    }
    default: {
      // The moderator's own words when there are some, else the category.
      const reason = str(n, 'note').replace(/[.!?…]+$/, '') || reasonWord((n.reason ?? 'other') as ReportReason | 'reported').toLocaleLowerCase()
      const key = n.target.type === 'amendment'
        ? (n.action === 'hide' ? 'account.notif.amendmentHidden' : 'account.notif.amendmentRestored')
        : (n.action === 'hide' ? 'account.notif.argumentHidden' : 'account.notif.argumentRestored')
      return t(key, { reason })
    }
  }
}

function linkOf (n: UserNotificationView): string {
  if (n.target.type === 'amendment') return `/amendments/${encodeURIComponent(n.target.id)}`
  if (n.target.type === 'article') return `/articles/${encodeURIComponent(n.target.id)}`
  return `/bills/${encodeURIComponent(n.billId)}`
}

/** The list. */
export function AccountNotifications () {
  const list = usePagedList((cursor, signal) => identityApi.notifications(cursor, signal), [])
  const [allRead, setAllRead] = useState(false)
  const [state, setState] = useState<ActionState>(IDLE)
  const { first, items, next } = list
  if (first.data === undefined) return first.error ? <LoadError error={first.error} onRetry={first.reload} /> : <Loading />

  async function loadMore () {
    try {
      await list.more()
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }
  async function markAll () {
    try {
      const { unread } = await identityApi.markRead()
      setAllRead(true)
      setUnreadCount(unread)
      setState({ kind: 'done', message: t('notif.allRead') })
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }

  return (
    <>
      {items.length === 0 && <p class="empty">{t('notif.none')}</p>}
      {items.some(n => !n.read) && !allRead && <p><button type="button" class="button button--secondary" onClick={() => { void markAll() }}>{t('notif.markAll')}</button></p>}
      <ul class="notifications">
        {items.map(n => {
          const unread = !n.read && !allRead
          return (
            <li key={n.id} class={`notification notification--${n.kind}${unread ? ' notification--unread' : ''}`} data-kind={n.kind} data-action={n.action ?? undefined} data-reason={n.reason ?? undefined}>
              <p class="notification__text">{unread && <span class="notification__new">{t('notif.new')} </span>}{notificationText(n)}</p>
              <p class="notification__meta">
                <time dateTime={n.at}>{formatDate(n.at, true)}</time>
                <span aria-hidden="true"> · </span>
                <a href={linkOf(n)}>{n.target.type === 'amendment' ? t('account.seeAmendment') : n.target.type === 'article' ? t('notif.seeArticle') : t('account.seeBill')}</a>
              </p>
            </li>
          )
        })}
      </ul>
      {next && <p><button type="button" class="button button--secondary" onClick={() => { void loadMore() }}>{t('common.more')}</button></p>}
      <Feedback state={state} />
    </>
  )
}
