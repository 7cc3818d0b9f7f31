/** "Comment le tirage est fait": the procedure in plain words, with this draw's figures. */
import { formatDate, formatNumber, t } from '../i18n/index.ts'
import { councilApi, type CouncilView } from './council-api.ts'

/** The explanation section of a council. */
export function HowDrawn ({ council }: { council: CouncilView }) {
  const c = council.commitment
  const d = council.draw
  return (
    <section class="council-how" aria-labelledby="council-how-title" data-council-how>
      <h2 id="council-how-title">{t('council.how.title')}</h2>
      {!c && <p>{t('council.how.pending')}</p>}
      {c && <p>{t('council.how.commit', { date: formatDate(c.at, true), n: council.volunteersCount, hash: c.hash })}</p>}
      {c && <p>{t('council.how.value', { description: c.publicRandomness, value: d?.value ?? '…' })}</p>}
      {d && (
        <>
          <p>{t('council.how.seed', { seed: d.seed })}</p>
          <p data-maximin={d.maximin}>{t('council.how.fair', {
            panels: d.panels, n: council.volunteersCount, strata: d.strata,
            p: formatNumber(100 * d.maximin, { maximumSignificantDigits: 3 }),
            odds: formatNumber(d.maximin > 0 ? Math.round(1 / d.maximin) : 0)
          })}</p>
          <p>{t('council.how.sample')}</p>
          <p>{t('council.how.verify')}</p>
          <p><a href={councilApi.auditUrl(council.billId)} download={`council-audit-${council.billId}.json`} data-native>{t('council.how.audit')}</a></p>
        </>
      )}
      {c && !d && <p>{t('council.how.pending')}</p>}
    </section>
  )
}
