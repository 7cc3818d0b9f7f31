/**
 * The members' deliberation (/bills/:id/council/deliberation), members
 * only: per agenda item, the members' arguments and a form to add one, the
 * vote among members, and the opinion to publish.
 */
import './council.css'
import { useState } from 'preact/hooks'
import { ApiError, type VoteValue } from '../api.ts'
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import type { SessionState } from '../session.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { Breadcrumb } from '../components/Breadcrumb.tsx'
import { Loading, LoadError } from '../components/LoadError.tsx'
import { FormError } from '../components/FormError.tsx'
import { announce } from '../components/Announcer.tsx'
import { councilApi, councilPath, type DeliberationView } from './council-api.ts'
import { councilError } from './errors.ts'

type Item = DeliberationView['items'][number]
const VALUES: VoteValue[] = ['for', 'mixed', 'against']

function ItemSection ({ billId, entry, onChanged }: { billId: string; entry: Item; onChanged: (d: DeliberationView) => void }) {
  const i = entry.item
  const [side, setSide] = useState<'for' | 'against'>('for')
  const [body, setBody] = useState('')
  const [opinion, setOpinion] = useState(i.opinion?.text ?? '')
  const [tally, setTally] = useState(entry.tally)
  const [myVote, setMyVote] = useState(entry.myVote)
  const [error, setError] = useState<string | null>(null)
  const idp = `item-${i.id}`
  const href = i.target.type === 'article' ? `/articles/${encodeURIComponent(i.target.id)}`
    : i.target.type === 'amendment' ? `/amendments/${encodeURIComponent(i.target.id)}`
      : i.articleId ? `/articles/${encodeURIComponent(i.articleId)}` : `/bills/${encodeURIComponent(billId)}`

  async function guard (f: () => Promise<void>) {
    setError(null)
    try { await f() } catch (e) { setError(councilError(e)) }
  }

  return (
    <section class="card council-item" aria-labelledby={`${idp}-title`} data-item={i.id}>
      <h2 id={`${idp}-title`}>{t(`council.target.${i.target.type}`)} — {i.title}</h2>
      {i.note && <p class="muted">{i.note}</p>}
      <p><a href={href}>{t('council.deliberation.open')}</a></p>

      <h3>{t('council.deliberation.arguments')}</h3>
      {entry.arguments.length === 0
        ? <p class="muted">{t('council.deliberation.noArguments')}</p>
        : <ul class="council-arguments">{entry.arguments.map(a => (
          <li key={a.id} data-side={a.side}><strong>{t(a.side === 'for' ? 'council.deliberation.for' : 'council.deliberation.against')}</strong> — {a.body} <span class="muted">({a.author.displayName})</span></li>
        ))}</ul>}
      <form onSubmit={e => { e.preventDefault(); void guard(async () => { onChanged(await councilApi.argue(billId, i.id, side, body)); setBody('') }) }} noValidate>
        <fieldset>
          <legend>{t('council.deliberation.side')}</legend>
          {(['for', 'against'] as const).map(s => (
            <label key={s} class="radio"><input type="radio" name={`${idp}-side`} value={s} checked={side === s} onChange={() => setSide(s)} /> {t(s === 'for' ? 'council.deliberation.for' : 'council.deliberation.against')}</label>
          ))}
        </fieldset>
        <p class="field"><label for={`${idp}-body`}>{t('council.deliberation.argument')}</label>
          <textarea id={`${idp}-body`} rows={3} value={body} onInput={e => setBody((e.target as HTMLTextAreaElement).value)} /></p>
        <button type="submit" class="button button--secondary">{t('council.deliberation.post')}</button>
      </form>

      <fieldset class="council-vote">
        <legend>{t('council.deliberation.vote')}</legend>
        {VALUES.map(v => (
          <label key={v} class="radio"><input type="radio" name={`${idp}-vote`} value={v} checked={myVote === v}
            onChange={() => void guard(async () => { setTally(await councilApi.vote(billId, i.id, v)); setMyVote(v) })} /> {t(`vote.${v}`)}</label>
        ))}
      </fieldset>
      <p class="muted" data-tally={`${tally.for}-${tally.mixed}-${tally.against}`}>{t('council.deliberation.tally', { for: tally.for, mixed: tally.mixed, against: tally.against })}</p>

      <form onSubmit={e => { e.preventDefault(); void guard(async () => { await councilApi.publishOpinion(billId, i.id, opinion); announce(t('council.deliberation.published')) }) }} noValidate>
        <p class="field"><label for={`${idp}-opinion`}>{t('council.deliberation.opinion')}</label>
          <textarea id={`${idp}-opinion`} rows={4} value={opinion} onInput={e => setOpinion((e.target as HTMLTextAreaElement).value)} /></p>
        <button type="submit" class="button button--primary">{t('council.deliberation.publish')}</button>
      </form>
      <FormError message={error} />
    </section>
  )
}

/** The deliberation page. */
export function DeliberationPage ({ id, me, epoch }: { id: string; me: SessionState; epoch: number }) {
  const d = useResource(signal => councilApi.deliberation(id, signal), [id, epoch, me?.id])
  const [view, setView] = useState<DeliberationView | null>(null)
  const data = view ?? d.data
  const crumbs = <Breadcrumb items={[{ label: t('nav.home'), href: '/' }, { label: t('council.title'), href: councilPath(id) }, { label: t('council.deliberation.title') }]} />
  if (!data) {
    const forbidden = d.error instanceof ApiError && (d.error.status === 403 || d.error.status === 401)
    return (
      <div class="page page--deliberation">
        {crumbs}
        <PageHeading title={t('council.deliberation.title')} />
        {forbidden ? <p>{t('council.deliberation.membersOnly')}</p> : d.error ? <LoadError error={d.error} onRetry={d.reload} /> : <Loading />}
      </div>
    )
  }
  return (
    <div class="page page--deliberation">
      {crumbs}
      <PageHeading title={t('council.deliberation.title')} />
      <p class="muted">{t('council.deliberation.membersOnly')}</p>
      {data.items.length === 0 && <p>{t('council.agenda.empty')}</p>}
      {data.items.map(entry => <ItemSection key={entry.item.id} billId={id} entry={entry} onChanged={setView} />)}
    </div>
  )
}
