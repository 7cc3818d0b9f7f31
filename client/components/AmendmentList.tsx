/**
 * An article's amendments: most supported, most recent or in a random
 * order (stable for one visitor), "voir plus" with the server's cursor, and
 * live changes (a new amendment appears at the top, tallies move, decisions,
 * withdrawals and moderation apply).
 */
import { useEffect, useState } from 'preact/hooks'
import { api, type AmendmentSort, type AmendmentView } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LoadError } from './LoadError.tsx'
import { MoreButton } from './MoreButton.tsx'
import { useBillLive } from '../live.ts'
import type { SessionState } from '../session.ts'
import { AmendmentCard } from './AmendmentCard.tsx'

/** A random order seed kept for the visit, so "aléatoire" does not reshuffle on every page. */
function visitorSeed (): string {
  try {
    let seed = sessionStorage.getItem('alinea.seed')
    if (!seed) { seed = Math.random().toString(36).slice(2, 12); sessionStorage.setItem('alinea.seed', seed) }
    return seed
  } catch {
    return 'visitor'
  }
}

interface ListState { items: AmendmentView[]; next: string | null; status: 'loading' | 'ready' | 'more' | 'error'; error?: unknown }

/** The list with its sort control. */
export function AmendmentList ({ billId, articleId, me, epoch }: { billId: string; articleId: string; me: SessionState; epoch: number }) {
  const [sort, setSort] = useState<AmendmentSort>('supported')
  const [list, setList] = useState<ListState>({ items: [], next: null, status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const seed = me ? undefined : visitorSeed()

  useEffect(() => {
    const controller = new AbortController()
    setList(l => ({ ...l, status: 'loading' }))
    api.amendments(articleId, { sort, seed: sort === 'random' ? seed : undefined }, controller.signal).then(
      page => setList({ items: page.items, next: page.next, status: 'ready' }),
      err => { if (!controller.signal.aborted) setList(l => ({ ...l, status: 'error', error: err })) }
    )
    return () => controller.abort()
  }, [articleId, sort, epoch, attempt])

  async function more () {
    if (!list.next || list.status === 'more') return
    setList(l => ({ ...l, status: 'more' }))
    try {
      const page = await api.amendments(articleId, { sort, cursor: list.next, seed: sort === 'random' ? seed : undefined })
      setList(l => {
        const seen = new Set(l.items.map(a => a.id))
        return { items: [...l.items, ...page.items.filter(a => !seen.has(a.id))], next: page.next, status: 'ready' }
      })
    } catch (err) {
      setList(l => ({ ...l, status: 'error', error: err }))
    }
  }

  /** Fetches one amendment again and puts it in place (or at the top when new); drops it when withdrawn. */
  async function refresh (id: string, isNew = false) {
    try {
      const a = await api.amendment(id)
      setList(l => {
        const has = l.items.some(x => x.id === id)
        if (a.status === 'withdrawn') return { ...l, items: l.items.filter(x => x.id !== id) }
        if (has) return { ...l, items: l.items.map(x => x.id === id ? a : x) }
        return isNew ? { ...l, items: [a, ...l.items] } : l
      })
    } catch { /* it stays as it was; the next resync corrects it */ }
  }

  useBillLive(billId, {
    'amendment:created': p => { if (p.articleId === articleId) void refresh(p.amendmentId, true) },
    'amendment:decided': p => { if (p.articleId === articleId) void refresh(p.amendmentId) },
    'amendment:withdrawn': p => { if (p.articleId === articleId) setList(l => ({ ...l, items: l.items.filter(x => x.id !== p.amendmentId) })) },
    tally: p => {
      if (p.target.type !== 'amendment') return
      setList(l => l.items.some(a => a.id === p.target.id) ? { ...l, items: l.items.map(a => a.id === p.target.id ? { ...a, tally: p.tally } : a) } : l)
    },
    moderated: p => {
      if (p.target.type === 'amendment' && list.items.some(a => a.id === p.target.id)) void refresh(p.target.id)
    },
    resync: () => setAttempt(n => n + 1)
  })

  const sortId = `amendments-sort-${articleId}`
  return (
    <div class="amendments">
      <div class="list-tools">
        <label for={sortId}>{t('sort.label')}</label>
        <select id={sortId} class="select" value={sort} onChange={e => setSort((e.currentTarget as HTMLSelectElement).value as AmendmentSort)}>
          <option value="supported">{t('amendment.sort.supported')}</option>
          <option value="recent">{t('amendment.sort.recent')}</option>
          <option value="random">{t('amendment.sort.random')}</option>
        </select>
        {sort !== 'recent' && <p class="list-tools__note" id={`${sortId}-note`}>{t(sort === 'supported' ? 'amendment.sort.supportedNote' : 'amendment.sort.randomNote')}</p>}
      </div>
      {list.status === 'loading' && list.items.length === 0 && <p class="loading" role="status">{t('common.loading')}</p>}
      {list.status === 'error' && (
        <LoadError error={list.error} onRetry={() => setAttempt(n => n + 1)} />
      )}
      {list.status !== 'loading' && list.status !== 'error' && list.items.length === 0 && <p class="empty">{t('amendment.none')}</p>}
      {list.items.length > 0 && (
        <ul class="amendment-list">
          {list.items.map(a => <li key={a.id}><AmendmentCard amendment={a} me={me} /></li>)}
        </ul>
      )}
      {list.next && list.status !== 'error' && <MoreButton loading={list.status === 'more'} onMore={() => { void more() }} />}
    </div>
  )
}
