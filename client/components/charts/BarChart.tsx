/**
 * A horizontal bar chart as accessible SVG: `role="img"` named by its
 * `<title>` and described by a `<desc>` giving every figure, each bar with
 * its label and value written beside it (colour carries no meaning), and
 * the same figures in a table. Positions are percentages, so the text keeps
 * its size at 360 px as on a desktop.
 */
import { formatNumber, getLocale } from '../../i18n/index.ts'
import { figuresSentence, type ChartDatum } from './chart-text.ts'

const ROW = 30
const BAR = 18

/** The chart and its table; `labelHeader` and `valueHeader` head the table's columns. */
export function BarChart ({ id, title, data, labelHeader, valueHeader }: {
  id: string
  title: string
  data: readonly ChartDatum[]
  labelHeader: string
  valueHeader: string
}) {
  const max = Math.max(1, ...data.map(d => d.value))
  const height = data.length * ROW + 4
  const colon = getLocale() === 'fr' ? ' : ' : ': '
  return (
    <figure class="chart chart--bars" data-chart={id}>
      <svg class="chart__svg" role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%" height={height} data-chart-svg={id}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{figuresSentence(data, getLocale() === 'fr' ? ' ; ' : '; ', colon)}</desc>
        {data.map((d, i) => {
          const w = (d.value / max) * 44
          const y = i * ROW
          return (
            <g key={d.key} data-key={d.key} data-value={d.value}>
              <text class="chart__label" x="0" y={y + 20}>{d.label}</text>
              <rect class="chart__bar" x="40%" y={y + 6} width={`${Math.max(w, d.value > 0 ? 0.6 : 0)}%`} height={BAR} rx="2" />
              <text class="chart__value" x={`${40 + w + 1.5}%`} y={y + 20}>{formatNumber(d.value)}</text>
            </g>
          )
        })}
      </svg>
      <table class="chart__table">
        <caption class="sr-only">{title}</caption>
        <thead><tr><th scope="col">{labelHeader}</th><th scope="col">{valueHeader}</th></tr></thead>
        <tbody>
          {data.map(d => (
            <tr key={d.key} data-key={d.key}><th scope="row">{d.label}</th><td data-value={d.value}>{formatNumber(d.value)}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
