/**
 * The council page (/bills/:id/council): its status and what members commit
 * to; while recruiting, volunteering; once drawn, the members, the
 * composition against quotas and pool, "Comment le tirage est fait" with
 * this draw's figures, the agenda with published opinions and the log of
 * replacements; a member's "give up my seat"; the editors' controls.
 */
import './council.css'
import { useEffect, useState } from 'preact/hooks'
import { api, ApiError } from '../api.ts'
import { t, tn, formatDate } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import type { SessionState } from '../session.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { Breadcrumb } from '../components/Breadcrumb.tsx'
import { Loading, LoadError } from '../components/LoadError.tsx'
import { FormError } from '../components/FormError.tsx'
import { announce } from '../components/Announcer.tsx'
import { councilApi, councilPath, type CouncilMeView, type CouncilView } from './council-api.ts'
import { councilError } from './errors.ts'
import { VolunteerForm } from './VolunteerForm.tsx'
import { Composition } from './Composition.tsx'
import { HowDrawn } from './HowDrawn.tsx'
import { OpinionList } from './OpinionList.tsx'
import { EditorPanel } from './EditorPanel.tsx'

/** The agenda, each item with its opinion when published. */
function Agenda ({ council }: { council: CouncilView }) {
  return (
    <section aria-labelledby="council-agenda-title">
      <h2 id="council-agenda-title">{t('council.agenda')}</h2>
      {council.agenda.length === 0
        ? <p class="muted">{t('council.agenda.empty')}</p>
        : (
          <ul class="council-agenda">
            {council.agenda.map(i => (
              <li key={i.id}>
                <strong>{t(`council.target.${i.target.type}`)}</strong> — {i.title}{i.note ? ` (${i.note})` : ''}
              </li>
            ))}
          </ul>
          )}
      {council.opinions.length > 0 && <OpinionList opinions={council.opinions} level={3} titles={new Map(council.agenda.map(i => [i.id, i.title]))} />}
    </section>
  )
}

/** The council page of a bill. */
export function CouncilPage ({ id, me, epoch }: { id: string; me: SessionState; epoch: number }) {
  const bill = useResource(signal => api.bill(id, signal), [id, epoch])
  const loaded = useResource(signal => councilApi.get(id, signal).catch(e => {
    if (e instanceof ApiError && e.status === 404) return null
    throw e
  }), [id, epoch])
  const [council, setCouncil] = useState<CouncilView | null | undefined>(undefined)
  const [mine, setMine] = useState<CouncilMeView | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => { if (loaded.data !== undefined) setCouncil(loaded.data) }, [loaded.data])
  useEffect(() => {
    if (!me || !council) { setMine(null); return }
    const controller = new AbortController()
    councilApi.me(id, controller.signal).then(setMine, () => setMine(null))
    return () => controller.abort()
  }, [me?.id, council?.status, council?.members.length, council?.log.length])

  if (bill.error instanceof ApiError && bill.error.status === 404) return <div class="page"><PageHeading title={t('bill.notFound')} /></div>
  if (bill.data === undefined || council === undefined) {
    const err = bill.error ?? loaded.error
    return err
      ? <div class="page"><PageHeading title={t('error.title')} /><LoadError error={err} onRetry={() => { bill.reload(); loaded.reload() }} /></div>
      : <div class="page"><Loading /></div>
  }
  const b = bill.data
  const billPath = `/bills/${encodeURIComponent(id)}`
  const path = councilPath(id)

  async function decline () {
    setError(null)
    try { setCouncil(await councilApi.decline(id)); announce(t('council.declined')) } catch (e) { setError(councilError(e)) }
  }

  return (
    <div class="page page--council">
      <Breadcrumb items={[{ label: t('nav.home'), href: '/' }, { label: b.title, href: billPath }, { label: t('council.title') }]} />
      <PageHeading title={t('council.pageTitle', { title: b.title })} />
      {council === null && <p>{t('council.notFound')}</p>}
      {council && (
        <>
          <p class="council-status" data-council-status={council.status}><strong>{t(`council.status.${council.status}`)}</strong>
            {' · '}{tn(council.status === 'recruiting' ? 'council.volunteers' : 'council.pool', council.volunteersCount)}</p>
          {council.commitmentText && <><h2>{t('council.commitmentText')}</h2><p>{council.commitmentText}</p></>}
          {council.status === 'recruiting' && (
            <section class="card" aria-labelledby="council-volunteer-title">
              <h2 id="council-volunteer-title">{t('council.box.title')}</h2>
              <p>{t('council.box.invite', { size: council.size })}</p>
              <VolunteerForm council={council} me={me} returnTo={path} onChanged={loaded.reload} />
            </section>
          )}
          {council.status === 'drawn' && (
            <section aria-labelledby="council-members-title">
              <h2 id="council-members-title">{t('council.members')}</h2>
              <ul class="council-members" data-council-members={council.members.length}>
                {council.members.map(m => <li key={m.id}>{m.displayName}</li>)}
              </ul>
              <p class="muted">{tn('council.alternates', council.alternates)}</p>
              {mine?.member && (
                <div class="card council-mine" data-council-member>
                  <p>{t('council.youAreMember')}</p>
                  <p><a class="button button--primary" href={`${path}/deliberation`}>{t('council.deliberationLink')}</a>{' '}
                    <button type="button" class="button button--secondary" onClick={() => void decline()}>{t('council.decline')}</button></p>
                  <FormError message={error} />
                </div>
              )}
              {mine?.declined && <p>{t('council.declined')}</p>}
              {council.log.length > 0 && (
                <>
                  <h3>{t('council.log')}</h3>
                  <ul>{council.log.map(l => <li key={l.at + l.member.id}>{formatDate(l.at, true)} — {l.replacement
                    ? t('council.logEntry', { member: l.member.displayName, replacement: l.replacement.displayName })
                    : t('council.logEntryEmpty', { member: l.member.displayName })}</li>)}</ul>
                </>
              )}
            </section>
          )}
          {council.status === 'drawn' && <Composition idPrefix="council" categories={council.categories} size={council.size} volunteers={council.volunteersCount} />}
          <HowDrawn council={council} />
          <Agenda council={council} />
        </>
      )}
      {b.canEdit && <EditorPanel billId={id} council={council} onChanged={c => { setCouncil(c); loaded.reload() }} />}
    </div>
  )
}
