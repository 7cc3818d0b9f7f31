/**
 * Home: the open consultations first (title, authors, time left,
 * participants), then the closed ones; an editor also sees their drafts.
 */
import { api, type BillSummaryView } from '../api.ts'
import { phaseOf } from '../../shared/phase.ts'
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { authorLine, BillMeta } from '../components/BillMeta.tsx'
import { Loading, LoadError } from '../components/LoadError.tsx'
import { HowItWorks } from '../components/HowItWorks.tsx'
import type { SessionState } from '../session.ts'

/** One consultation in a list. */
function BillItem ({ bill }: { bill: BillSummaryView }) {
  return (
    <li class="card bill-card">
      <h3 class="bill-card__title"><a href={`/bills/${encodeURIComponent(bill.id)}`}>{bill.title}</a></h3>
      <p class="bill-card__authors">{authorLine(bill.authors)}</p>
      {bill.summary && <p class="bill-card__summary">{bill.summary}</p>}
      <BillMeta bill={bill} />
      {phaseOf(bill) === 'closed' && (
        <p class="bill-card__synthesis"><a href={`/bills/${encodeURIComponent(bill.id)}/synthesis`}>{t('home.synthesis')}</a></p>
      )}
    </li>
  )
}

/** A titled list of consultations, or a sentence when there are none. */
function Section ({ id, title, bills, empty }: { id: string; title: string; bills: BillSummaryView[]; empty: string }) {
  return (
    <section class="home-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {bills.length
        ? <ul class="bill-list">{bills.map(b => <BillItem key={b.id} bill={b} />)}</ul>
        : <p class="empty">{empty}</p>}
    </section>
  )
}

/** The home page; `epoch` reloads the list when the reader signs in or out (drafts). */
export function HomePage ({ epoch, me }: { epoch: number; me?: SessionState }) {
  const bills = useResource(signal => api.bills(signal), [epoch])
  const items = bills.data?.items ?? []
  const byClosing = (a: BillSummaryView, b: BillSummaryView) => (a.closesAt ?? '9').localeCompare(b.closesAt ?? '9')
  const open = items.filter(b => { const p = phaseOf(b); return p === 'open' || p === 'upcoming' }).sort(byClosing)
  const closed = items.filter(b => phaseOf(b) === 'closed').sort((a, b) => byClosing(b, a))
  const drafts = items.filter(b => b.status === 'draft')

  return (
    <div class="page page--home">
      <PageHeading title={t('home.title')} />
      <p class="lead">{t('home.intro')}</p>
      {me && (me.role === 'author' || me.role === 'admin') && <p class="home__new-bill"><a class="button button--primary" href="/bills/new">{t('newBill.link')}</a></p>}
      <HowItWorks />
      {bills.data === undefined
        ? bills.error ? <LoadError error={bills.error} onRetry={bills.reload} /> : <Loading />
        : (
          <>
            <Section id="open-title" title={t('home.open')} bills={open} empty={t('home.noOpen')} />
            {drafts.length > 0 && <Section id="drafts-title" title={t('home.drafts')} bills={drafts} empty="" />}
            <Section id="closed-title" title={t('home.closed')} bills={closed} empty={t('home.noClosed')} />
          </>
          )}
    </div>
  )
}
