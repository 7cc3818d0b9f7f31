/**
 * The arguments of one side ("Pour" or "Contre") of an article or an
 * amendment: best first (or most recent), "voir plus" with the server's
 * cursor, the form to add one, and live changes (new arguments appear at
 * the top, upvotes move, edits, deletions and moderation apply).
 */
import { useEffect, useState } from 'preact/hooks'
import { api, type ArgumentSide, type ArgumentSort, type ArgumentTargetRef, type ArgumentView } from '../api.ts'
import { t } from '../i18n/index.ts'
import { LoadError } from './LoadError.tsx'
import { MoreButton } from './MoreButton.tsx'
import { useBillLive } from '../live.ts'
import type { SessionState } from '../session.ts'
import { ArgumentItem } from './ArgumentItem.tsx'
import { ArgumentForm } from './ArgumentForm.tsx'

export interface ArgumentColumnProps {
  billId: string
  target: ArgumentTargetRef
  side: ArgumentSide
  sort: ArgumentSort
  me: SessionState
  /** Whether the consultation takes arguments and upvotes now. */
  open: boolean
  /** Changes when the reader signs in or out: reload (their own upvotes). */
  epoch: number
  /** Called when the reader posted an argument here. */
  onPosted?: (a: ArgumentView) => void
}

interface ListState { items: ArgumentView[]; next: string | null; status: 'loading' | 'ready' | 'more' | 'error'; error?: unknown }

const same = (a: ArgumentTargetRef, b: { type: string; id: string }) => a.type === b.type && a.id === b.id

/** One column of arguments with its form. */
export function ArgumentColumn ({ billId, target, side, sort, me, open, epoch, onPosted }: ArgumentColumnProps) {
  const [list, setList] = useState<ListState>({ items: [], next: null, status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    setList(l => ({ ...l, status: 'loading' }))
    api.arguments(target, { side, sort }, controller.signal).then(
      page => setList({ items: page.items, next: page.next, status: 'ready' }),
      err => { if (!controller.signal.aborted) setList(l => ({ ...l, status: 'error', error: err })) }
    )
    return () => controller.abort()
  }, [target.type, target.id, side, sort, epoch, attempt])

  async function more () {
    if (!list.next || list.status === 'more') return
    setList(l => ({ ...l, status: 'more' }))
    try {
      const page = await api.arguments(target, { side, sort, cursor: list.next })
      setList(l => {
        const seen = new Set(l.items.map(a => a.id))
        return { items: [...l.items, ...page.items.filter(a => !seen.has(a.id))], next: page.next, status: 'ready' }
      })
    } catch (err) {
      setList(l => ({ ...l, status: 'error', error: err }))
    }
  }

  const add = (a: ArgumentView) => setList(l => l.items.some(x => x.id === a.id) ? l : { ...l, items: [a, ...l.items] })
  const update = (id: string, f: (a: ArgumentView) => ArgumentView) =>
    setList(l => l.items.some(a => a.id === id) ? { ...l, items: l.items.map(a => a.id === id ? f(a) : a) } : l)

  useBillLive(billId, {
    'argument:created': p => { if (same(target, p.argument.target) && p.argument.side === side) add(p.argument) },
    'argument:updated': p => update(p.argument.id, a => ({ ...p.argument, myUpvote: p.argument.upvotes > 0 && a.myUpvote })),
    'argument:deleted': p => setList(l => ({ ...l, items: l.items.filter(a => a.id !== p.argumentId) })),
    upvotes: p => update(p.argumentId, a => ({ ...a, upvotes: p.upvotes })),
    moderated: p => {
      if (p.target.type === 'argument') update(p.target.id, a => ({ ...a, hidden: p.hidden, hiddenReason: p.hidden ? p.reason : null }))
    },
    resync: () => setAttempt(n => n + 1)
  })

  const titleId = `arguments-${target.id}-${side}-title`
  return (
    <section class={`argument-column argument-column--${side}`} aria-labelledby={titleId} data-side={side}>
      <h3 id={titleId} class="argument-column__title">
        <span class="argument-column__sign" aria-hidden="true">{side === 'for' ? '+' : '−'}</span>
        {side === 'for' ? t('argument.for') : t('argument.against')}
      </h3>
      {open && me && (
        <ArgumentForm target={target} side={side} onPosted={a => { add(a); onPosted?.(a) }} />
      )}
      {list.status === 'loading' && list.items.length === 0 && <p class="loading" role="status">{t('common.loading')}</p>}
      {list.status === 'error' && (
        <LoadError error={list.error} onRetry={() => setAttempt(n => n + 1)} />
      )}
      {list.status !== 'loading' && list.items.length === 0 && list.status !== 'error' && (
        <p class="empty">{side === 'for' ? t('argument.noneFor') : t('argument.noneAgainst')}</p>
      )}
      {list.items.length > 0 && (
        <ul class="argument-list" aria-labelledby={titleId}>
          {list.items.map(a => <ArgumentItem key={a.id} argument={a} me={me} open={open} onChange={next => update(a.id, () => next)} />)}
        </ul>
      )}
      {list.next && list.status !== 'error' && <MoreButton loading={list.status === 'more'} onMore={() => { void more() }} />}
    </section>
  )
}
