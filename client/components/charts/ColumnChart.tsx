/**
 * A small column chart over time (one column per day) as accessible SVG:
 * `role="img"` named by its `<title>`, a `<desc>` summing it up (period,
 * total, busiest day), the first and last days and the peak written on the
 * chart, and every figure in a table below (collapsed: it can be long).
 * One series, so colour carries no meaning. Positions are percentages.
 */
import type { ComponentChildren } from 'preact'
import { formatNumber } from '../../i18n/index.ts'
import type { ChartDatum } from './chart-text.ts'

const PLOT = 120
const TOP = 20
const AXIS = 22

/** The chart; `describe` writes the summary, `table` is the figures' table (any columns). */
export function ColumnChart ({ id, title, description, data, tableSummary, table }: {
  id: string
  title: string
  /** The `<desc>`: what the chart shows in words. */
  description: string
  data: readonly ChartDatum[]
  /** The label of the collapsed table ("Les chiffres, jour par jour"). */
  tableSummary: string
  table: ComponentChildren
}) {
  const max = Math.max(1, ...data.map(d => d.value))
  // At least a week's width per column, so that a few days do not make slabs.
  const slot = 100 / Math.max(7, data.length)
  const gap = Math.min(slot * 0.15, 1)
  const height = TOP + PLOT + AXIS
  return (
    <figure class="chart chart--columns" data-chart={id}>
      <svg class="chart__svg" role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%" height={height} data-chart-svg={id}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <text class="chart__value" x="0" y="12">{formatNumber(max)}</text>
        <line class="chart__grid" x1="0" x2="100%" y1={TOP} y2={TOP} />
        {data.map((d, i) => {
          const h = d.value === 0 ? 0 : Math.max(1.5, (d.value / max) * PLOT)
          return (
            <rect key={d.key} class="chart__bar" data-key={d.key} data-value={d.value}
              x={`${i * slot + gap}%`} width={`${Math.max(slot - 2 * gap, 0.3)}%`} y={TOP + PLOT - h} height={h} />
          )
        })}
        <line class="chart__axis" x1="0" x2="100%" y1={TOP + PLOT} y2={TOP + PLOT} />
        {data.length > 0 && <text class="chart__label" x="0" y={height - 4}>{data[0].label}</text>}
        {data.length > 1 && <text class="chart__label" x={`${data.length * slot}%`} y={height - 4} text-anchor="end">{data[data.length - 1].label}</text>}
      </svg>
      <details class="chart__details">
        <summary>{tableSummary}</summary>
        {table}
      </details>
    </figure>
  )
}
