/**
 * The council on a bill, article or amendment page: while recruiting, the
 * invitation to volunteer with the counts so far; once opinions are
 * published, those about this page's text; and a link to the council page.
 * Nothing when the bill has no council.
 */
import './council.css'
import { ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import type { SessionState } from '../session.ts'
import { councilApi, councilPath, type CouncilTargetView, type CouncilView } from './council-api.ts'
import { VolunteerForm } from './VolunteerForm.tsx'
import { OpinionList } from './OpinionList.tsx'

/** Opinions about `target`: the same target, or (on an article) anything on the agenda about that article. */
export function opinionsAbout (council: CouncilView, target: CouncilTargetView) {
  const itemOf = new Map(council.agenda.map(i => [i.id, i]))
  return council.opinions.filter(o => {
    if (o.target.type === target.type && o.target.id === target.id) return true
    return target.type === 'article' && itemOf.get(o.itemId)?.articleId === target.id
  })
}

/** The council box of a page about `target`. */
export function CouncilBox ({ billId, target, me, epoch, returnTo, invite = true }: { billId: string; target: CouncilTargetView; me: SessionState; epoch: number; returnTo: string; invite?: boolean }) {
  const council = useResource(signal => councilApi.get(billId, signal).catch(e => {
    if (e instanceof ApiError && e.status === 404) return null
    throw e
  }), [billId, epoch])
  const c = council.data
  if (!c) return null
  const opinions = opinionsAbout(c, target)
  const inviting = invite && c.status === 'recruiting'
  // The bill page always says where the council stands; article and amendment pages only invite or show opinions.
  if (!inviting && opinions.length === 0 && target.type !== 'bill') return null
  const titleId = `council-box-${target.id}`
  return (
    <section class="card council-box" aria-labelledby={titleId} data-council-box={c.status}>
      <h2 id={titleId} class="council-box__title">{t('council.box.title')}</h2>
      {inviting && (
        <>
          <p>{t('council.box.invite', { size: c.size })}</p>
          <VolunteerForm council={c} me={me} returnTo={returnTo} onChanged={council.reload} />
        </>
      )}
      {!inviting && <p>{t(`council.status.${c.status}`)}</p>}
      {opinions.length > 0 && <OpinionList opinions={opinions} level={3} />}
      <p><a href={councilPath(billId)}>{t('council.box.more')}</a></p>
    </section>
  )
}
