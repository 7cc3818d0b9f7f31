/**
 * The council's composition by category against the quotas and the pool,
 * as a table and an accessible SVG chart: per value, a bar for the members
 * seated, the quota as an outlined band and the pool's share as a tick,
 * every figure also written beside the bar and in the `<desc>`, so neither
 * colour nor shape carries anything alone. Positions are percentages.
 */
import { formatNumber, getLocale, t } from '../i18n/index.ts'
import type { CouncilView } from './council-api.ts'

type Categories = CouncilView['categories']
const ROW = 34
const pct = (n: number, d: number) => d > 0 ? Math.round(1000 * n / d) / 10 : 0

/** The table of the composition. */
export function CompositionTable ({ categories, size, volunteers }: { categories: Categories; size: number; volunteers: number }) {
  return (
    <table class="council-composition" data-council-composition>
      <caption>{t('council.compositionCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('council.col.category')}</th><th scope="col">{t('council.col.value')}</th>
          <th scope="col">{t('council.col.members')}</th><th scope="col">{t('council.col.quota')}</th><th scope="col">{t('council.col.volunteers')}</th>
        </tr>
      </thead>
      {categories.map(c => (
        <tbody key={c.key}>
          {c.values.map((v, i) => (
            <tr key={v.key} data-value={`${c.key}=${v.key}`}>
              {i === 0 && <th scope="rowgroup" rowSpan={c.values.length}>{c.label}</th>}
              <th scope="row">{v.label}</th>
              <td data-seated={v.seated}>{formatNumber(v.seated)} / {formatNumber(size)}</td>
              <td>{formatNumber(v.min)}–{formatNumber(v.max)}</td>
              <td>{formatNumber(v.volunteers)} ({formatNumber(pct(v.volunteers, volunteers))} %)</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  )
}

/** The chart of one category. */
function CategoryChart ({ id, category, size, volunteers }: { id: string; category: Categories[number]; size: number; volunteers: number }) {
  const sep = getLocale() === 'fr' ? ' ; ' : '; '
  const items = category.values.map(v => t('council.chartItem', {
    label: v.label, members: v.seated, min: v.min, max: v.max, pool: formatNumber(pct(v.volunteers, volunteers))
  }))
  const scale = 55 / Math.max(1, size)
  return (
    <figure class="chart council-chart" data-chart={id}>
      <svg class="chart__svg" role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%" height={category.values.length * ROW + 4}>
        <title id={`${id}-title`}>{`${category.label} — ${t('council.chartTitle')}`}</title>
        <desc id={`${id}-desc`}>{items.join(sep)}</desc>
        {category.values.map((v, i) => {
          const y = i * ROW
          const poolSeats = volunteers > 0 ? size * v.volunteers / volunteers : 0
          return (
            <g key={v.key} data-key={v.key} data-value={v.seated}>
              <text class="chart__label" x="0" y={y + 21}>{v.label}</text>
              <rect class="council-chart__quota" x={`${30 + v.min * scale}%`} y={y + 4} width={`${Math.max(0.4, (v.max - v.min) * scale)}%`} height="24" />
              <rect class="chart__bar" x="30%" y={y + 9} width={`${Math.max(v.seated > 0 ? 0.6 : 0, v.seated * scale)}%`} height="14" rx="2" />
              <line class="council-chart__pool" x1={`${30 + poolSeats * scale}%`} x2={`${30 + poolSeats * scale}%`} y1={y + 2} y2={y + 30} />
              <text class="chart__value" x={`${30 + Math.max(v.max, v.seated) * scale + 1.5}%`} y={y + 21}>{`${formatNumber(v.seated)} (${formatNumber(v.min)}–${formatNumber(v.max)})`}</text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}

/** The composition: a chart per category, then the table with every figure. */
export function Composition ({ idPrefix, categories, size, volunteers, headingLevel = 2 }: { idPrefix: string; categories: Categories; size: number; volunteers: number; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section class="council-composition-section" aria-labelledby={`${idPrefix}-composition`}>
      <H id={`${idPrefix}-composition`}>{t('council.composition')}</H>
      {categories.map(c => <CategoryChart key={c.key} id={`${idPrefix}-chart-${c.key}`} category={c} size={size} volunteers={volunteers} />)}
      <p class="field__hint">{t('council.chartLegend')}</p>
      <CompositionTable categories={categories} size={size} volunteers={volunteers} />
    </section>
  )
}
