/**
 * Moderation (`/moderation`, moderators and admins): the queue, most
 * reported first, each contribution with its context and reports, to hide
 * with a reason or restore; the log below, with "voir plus". An item acted
 * on leaves the queue at once (its count drops, the action heads the log
 * with its excerpt), as the server takes it out of the queue. Anyone else
 * gets the "not allowed" page (the server refuses them anyway).
 */
import { useState } from 'preact/hooks'
import { ApiError } from '../../api.ts'
import { t, tn } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'
import { announce } from '../../components/Announcer.tsx'
import { useResource } from '../../useResource.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { Loading, LoadError } from '../../components/LoadError.tsx'
import type { SessionState } from '../../session.ts'
import { staffApi, type ModerationActionView, type ModerationQueueItemView } from './staff-api.ts'
import { NotAllowed } from './common.tsx'
import { QueueItem, contentHref, contentKind } from './QueueItem.tsx'
import { ModerationLog, type TargetInfo } from './ModerationLog.tsx'

type Paged<T> = { items: T[]; next: string | null }

const targetKey = (t: { type: string; id: string }): string => `${t.type}:${t.id}`

/** A list with "voir plus": the first page from `first`, then appended pages. */
function usePaged<T, P extends Paged<T> = Paged<T>> (load: (cursor: string | null, signal?: AbortSignal) => Promise<P>, deps: unknown[], keyOf: (item: T) => string = () => '') {
  const first = useResource(signal => load(null, signal), deps)
  const [extra, setExtra] = useState<{ base: unknown; items: T[]; next: string | null } | null>(null)
  const [prepended, setPrepended] = useState<{ base: unknown; items: T[] }>({ base: null, items: [] })
  const [removed, setRemoved] = useState<{ base: unknown; keys: Set<string> }>({ base: null, keys: new Set() })
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  const base = first.data
  const own = extra && extra.base === base ? extra : null
  const added = prepended.base === base ? prepended.items : []
  const gone = removed.base === base ? removed.keys : null
  const all = base ? [...added, ...base.items, ...(own?.items ?? [])] : []
  const items = gone ? all.filter(i => !gone.has(keyOf(i))) : all
  const next = own ? own.next : base?.next ?? null

  async function more () {
    if (!next || loadingMore) return
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await load(next)
      setExtra({ base, items: [...(own?.items ?? []), ...page.items], next: page.next })
    } catch (err) {
      setMoreError(errorMessage(err))
    } finally {
      setLoadingMore(false)
    }
  }
  const prepend = (item: T) => setPrepended({ base, items: [item, ...added] })
  const remove = (key: string) => setRemoved({ base, keys: new Set(gone ?? []).add(key) })
  return { first, data: base, items, all, next, more, loadingMore, moreError, prepend, remove }
}

/** The page. */
export function ModerationPage ({ me, epoch }: { me: SessionState; epoch: number }) {
  const allowed = !!me && (me.role === 'moderator' || me.role === 'admin')
  const queue = usePaged<ModerationQueueItemView, Paged<ModerationQueueItemView> & { autoHideReports?: number }>(
    (cursor, signal) => allowed ? staffApi.queue(cursor, signal) : Promise.resolve({ items: [], next: null }), [epoch, allowed], i => targetKey(i.target))
  const log = usePaged<ModerationActionView>((cursor, signal) => allowed ? staffApi.log(cursor, signal) : Promise.resolve({ items: [], next: null }), [epoch, allowed])

  if (me === undefined) return <div class="page"><Loading /></div>
  if (me === null) return <NotAllowed status={401} />
  if (!allowed) return <NotAllowed status={403} message={t('moderation.forbidden')} />
  const err = queue.first.error ?? log.first.error
  if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return <NotAllowed status={err.status} message={err.status === 403 ? t('moderation.forbidden') : undefined} />

  const items = queue.items
  // Items that left the queue here still name their log entries.
  const known = new Map<string, TargetInfo>(queue.all.map(i => [i.target.id, {
    kind: contentKind(i), href: contentHref(i), excerpt: i.content.body.length > 80 ? i.content.body.slice(0, 79) + '…' : i.content.body
  }]))

  // An action clears the target's pending reports: it leaves the queue now, as it would on the next load.
  function onAction (a: ModerationActionView) {
    log.prepend(a)
    if (items.some(i => targetKey(i.target) === targetKey(a.target))) {
      queue.remove(targetKey(a.target))
      announce(t('moderation.actedOn'))
      requestAnimationFrame(() => document.getElementById('queue-title')?.focus())
    }
  }

  return (
    <div class="page page--staff page--moderation">
      <header class="staff-header">
        <PageHeading title={t('moderation.title')} />
        <p class="lead">{t('moderation.intro')}</p>
        <nav class="page-toc" aria-label={t('consolidated.toc')}>
          <ul>
            <li><a href="#queue-title">{t('moderation.queueTitle')}</a></li>
            <li><a href="#log-title">{t('moderation.logTitle')}</a></li>
          </ul>
        </nav>
      </header>

      <section class="mod-queue" aria-labelledby="queue-title">
        <h2 id="queue-title" tabIndex={-1}>{t('moderation.queueTitle')}</h2>
        {queue.first.data === undefined
          ? queue.first.error ? <LoadError error={queue.first.error} onRetry={queue.first.reload} /> : <Loading />
          : (
            <>
              <p class="mod-queue__count" role="status" data-count={items.length}>
                {items.length ? tn('moderation.queueCount', items.length) : t('moderation.queueEmpty')}
              </p>
              <div class="mod-queue__items">
                {items.map(i => <QueueItem key={targetKey(i.target)} item={i} autoHideReports={queue.data?.autoHideReports} onAction={onAction} />)}
              </div>
              {queue.next && (
                <p>
                  <button type="button" class="button button--secondary" onClick={() => { void queue.more() }} aria-busy={queue.loadingMore}>
                    {queue.loadingMore ? t('common.loading') : t('common.more')}
                  </button>
                </p>
              )}
              {queue.moreError && <p class="feedback feedback--error" role="alert">{queue.moreError}</p>}
            </>
            )}
      </section>

      <section class="mod-log-section" aria-labelledby="log-title">
        <h2 id="log-title" tabIndex={-1}>{t('moderation.logTitle')}</h2>
        {log.first.data === undefined
          ? log.first.error ? <LoadError error={log.first.error} onRetry={log.first.reload} /> : <Loading />
          : <ModerationLog items={log.items} next={log.next} loadingMore={log.loadingMore} onMore={() => { void log.more() }} known={known} onAction={onAction} />}
        {log.moreError && <p class="feedback feedback--error" role="alert">{log.moreError}</p>}
      </section>
    </div>
  )
}
