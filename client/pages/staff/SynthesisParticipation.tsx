/**
 * The participation part of the synthesis: participants in all and by
 * profile type (a bar chart), contributions (votes, amendments, arguments)
 * and activity day by day (a column chart with its table). Every figure
 * carries `data-figure` and its raw value, for tests and scripts.
 */
import { formatNumber, getLocale, t, tn } from '../../i18n/index.ts'
import { BarChart } from '../../components/charts/BarChart.tsx'
import { ColumnChart } from '../../components/charts/ColumnChart.tsx'
import type { ParticipationView } from './staff-api.ts'

/** A figure with its words. */
function Figure ({ name, value, label }: { name: string; value: number; label: string }) {
  return (
    <div class="figure" data-figure={name} data-value={value}>
      <dt class="figure__label">{label}</dt>
      <dd class="figure__value">{formatNumber(value)}</dd>
    </div>
  )
}

/** "12 mars" / "Mar 12" for a UTC day "2025-03-12". */
function dayLabel (day: string, long = false): string {
  const d = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return day
  return new Intl.DateTimeFormat(getLocale(), long ? { dateStyle: 'long', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d)
}

/** The section. */
export function SynthesisParticipation ({ p }: { p: ParticipationView }) {
  const profiles = [
    { key: 'citizen', label: t('synthesis.profile.citizen'), value: p.participants.citizen },
    { key: 'organisation', label: t('synthesis.profile.organisation'), value: p.participants.organisation },
    { key: 'institution', label: t('synthesis.profile.institution'), value: p.participants.institution }
  ]
  const days = p.days.map(d => ({ key: d.day, label: dayLabel(d.day), value: d.votes + d.amendments + d.arguments, d }))
  const busiest = days.reduce<typeof days[number] | null>((best, d) => !best || d.value > best.value ? d : best, null)
  const total = days.reduce((n, d) => n + d.value, 0)
  const description = days.length === 0
    ? t('synthesis.days.none')
    : t('synthesis.days.desc', {
      from: dayLabel(days[0].key, true), to: dayLabel(days[days.length - 1].key, true),
      days: tn('synthesis.dayCount', days.length), contributions: tn('synthesis.contributionCount', total),
      peak: busiest ? dayLabel(busiest.key, true) : '', peakValue: busiest?.value ?? 0
    })

  return (
    <section class="synthesis-participation" aria-labelledby="participation-title">
      <h2 id="participation-title">{t('synthesis.participation')}</h2>
      <dl class="figures">
        <Figure name="participants.total" value={p.participants.total} label={t('synthesis.participants')} />
        <Figure name="votes.total" value={p.contributions.votes.total} label={t('synthesis.votes')} />
        <Figure name="amendments" value={p.contributions.amendments} label={t('synthesis.amendments')} />
        <Figure name="arguments" value={p.contributions.arguments} label={t('synthesis.arguments')} />
      </dl>
      <p class="figures__detail" data-figure="votes.detail">
        {t('synthesis.votesDetail', { articles: p.contributions.votes.articles, amendments: p.contributions.votes.amendments, arguments: p.contributions.votes.arguments })}
      </p>
      <div class="synthesis-charts">
        <div class="synthesis-chart">
          <h3>{t('synthesis.byProfile')}</h3>
          <BarChart id="chart-profiles" title={t('synthesis.byProfileChart', { n: p.participants.total })} data={profiles}
            labelHeader={t('synthesis.profile')} valueHeader={t('synthesis.participants')} />
        </div>
        <div class="synthesis-chart">
          <h3>{t('synthesis.byDay')}</h3>
          <ColumnChart
            id="chart-days"
            title={t('synthesis.byDayChart')}
            description={description}
            data={days}
            tableSummary={t('synthesis.days.table')}
            table={(
              <table class="chart__table chart__table--days">
                <caption class="sr-only">{t('synthesis.byDayChart')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('synthesis.day')}</th>
                    <th scope="col">{t('synthesis.votes')}</th>
                    <th scope="col">{t('synthesis.amendments')}</th>
                    <th scope="col">{t('synthesis.arguments')}</th>
                    <th scope="col">{t('synthesis.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {days.map(({ key, d, value }) => (
                    <tr key={key} data-day={key}>
                      <th scope="row">{dayLabel(key, true)}</th>
                      <td>{formatNumber(d.votes)}</td>
                      <td>{formatNumber(d.amendments)}</td>
                      <td>{formatNumber(d.arguments)}</td>
                      <td>{formatNumber(value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          />
        </div>
      </div>
    </section>
  )
}
