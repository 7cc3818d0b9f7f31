/**
 * The decisions page in the order of discussion (the "liasse" a committee
 * works through): every amendment of the bill in one list, additional
 * articles at their place, in pages (`GET /bills/:id/amendments?sort=discussion`).
 */
import { useEffect, useState } from 'preact/hooks'
import { api, type AmendmentView, type ArticleView } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import { LoadError } from '../../components/LoadError.tsx'
import { amendmentPlace } from '../../../shared/additional-article.ts'
import type { StatusFilter } from './staff-api.ts'
import { DecisionRow } from './DecisionRow.tsx'

/** The list; `version` reloads it from the start. */
export function DiscussionList ({ billId, articles, status, canDecide, version }: {
  billId: string; articles: ArticleView[]; status: StatusFilter; canDecide: boolean; version: number
}) {
  const [items, setItems] = useState<AmendmentView[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  const nums = new Map(articles.map(a => [a.id, a.num]))

  async function load (cursor: string | null, signal?: AbortSignal) {
    const page = await api.billAmendments(billId, { sort: 'discussion', status: status === 'all' ? undefined : status, cursor, limit: '50' }, signal)
    setItems(list => cursor ? [...list, ...page.items] : page.items)
    setNext(page.next)
  }

  useEffect(() => {
    const controller = new AbortController()
    setState('loading')
    load(null, controller.signal).then(() => setState('ready'), err => { if (!controller.signal.aborted) { setError(err); setState('error') } })
    return () => controller.abort()
  }, [billId, status, version, attempt])

  const replace = (a: AmendmentView) => setItems(list => list.map(x => x.id === a.id ? a : x))
  if (state === 'error') return <LoadError error={error} onRetry={() => setAttempt(n => n + 1)} />
  return (
    <div class="decision-list decision-list--discussion" data-order="discussion">
      <p class="filters__count" role="status" data-count={state === 'ready' ? items.length : undefined}>
        {state === 'loading' ? t('decisions.loading') : items.length === 0 ? t('decisions.discussionEmpty') : ''}
      </p>
      {items.map(a => <DecisionRow key={a.id} amendment={a} num={nums.get(amendmentPlace(a)) ?? '?'} canDecide={canDecide} onChange={replace} />)}
      {next && (
        <p><button type="button" class="button button--secondary" onClick={() => { void load(next) }}>{t('common.more')}</button></p>
      )}
    </div>
  )
}
