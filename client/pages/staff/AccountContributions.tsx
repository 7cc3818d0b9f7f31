/**
 * "Mes contributions": one's amendments (with their status and the
 * editors' response), arguments, votes and reports, a list per kind with
 * "voir plus".
 */
import { useState } from 'preact/hooks'
import { formatDate, t } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'
import { usePagedList } from '../../usePagedList.ts'
import { identityApi, type ContributionKind, type ContributionView } from '../../identity-api.ts'
import { Loading, LoadError } from '../../components/LoadError.tsx'
import { Feedback, IDLE, type ActionState } from '../../components/Feedback.tsx'

const KINDS: ContributionKind[] = ['amendments', 'arguments', 'votes', 'reports']

function targetLink (c: ContributionView): string {
  if (c.kind === 'amendment') return `/amendments/${encodeURIComponent(c.id)}`
  const target = c.target
  if (target?.type === 'amendment') return `/amendments/${encodeURIComponent(target.id)}`
  if (target?.type === 'article') return `/articles/${encodeURIComponent(target.id)}`
  return `/bills/${encodeURIComponent(c.billId)}`
}

function describe (c: ContributionView): string {
  if (c.kind === 'amendment') return `${t(`account.status.${c.status as 'proposed'}`)} — ${c.text ?? ''}`
  if (c.kind === 'argument') return `${c.side === 'against' ? t('account.argAgainst') : t('account.argFor')} — ${c.text ?? ''}`
  if (c.kind === 'vote') return t(`account.vote.${c.value ?? 'for'}`)
  return c.text ?? ''
}

function KindList ({ kind }: { kind: ContributionKind }) {
  const list = usePagedList((cursor, signal) => identityApi.contributions(kind, cursor, signal), [kind])
  const [state, setState] = useState<ActionState>(IDLE)
  const { first, items, next } = list
  if (first.data === undefined) return first.error ? <LoadError error={first.error} onRetry={first.reload} /> : <Loading />
  async function loadMore () {
    if (!next) return
    setState({ kind: 'pending', message: t('common.loading') })
    try {
      await list.more()
      setState(IDLE)
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }
  return (
    <>
      {items.length === 0 && <p class="empty">{t('account.noContributions')}</p>}
      <ul class="contributions" data-kind={kind}>
        {items.map(c => (
          <li key={c.id} class="contribution">
            <p class="contribution__text"><a href={targetLink(c)}>{describe(c)}</a></p>
            {c.response && <p class="contribution__response">{t('account.response', { response: c.response })}</p>}
            <p class="contribution__meta"><time dateTime={c.at}>{formatDate(c.at, true)}</time></p>
          </li>
        ))}
      </ul>
      {next && <p><button type="button" class="button button--secondary" onClick={() => { void loadMore() }}>{t('common.more')}</button></p>}
      <Feedback state={state} />
    </>
  )
}

/** The contributions section, one kind at a time. */
export function AccountContributions () {
  const [kind, setKind] = useState<ContributionKind>('amendments')
  return (
    <>
      <div class="kind-switch" role="group" aria-label={t('account.contributionKinds')}>
        {KINDS.map(k => (
          <button key={k} type="button" class="button button--secondary" aria-pressed={kind === k ? 'true' : 'false'} onClick={() => setKind(k)}>{t(`account.kind.${k}`)}</button>
        ))}
      </div>
      <KindList key={kind} kind={kind} />
    </>
  )
}
