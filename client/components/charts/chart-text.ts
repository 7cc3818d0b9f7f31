/** Words shared by the charts: the figures as one sentence, for the SVG's description. */
import { formatNumber } from '../../i18n/index.ts'

/** One labelled figure of a chart. */
export interface ChartDatum { key: string; label: string; value: number }

/** "Citoyens : 8 ; Organisations : 2 ; Institutions : 1" (the locale's separators). */
export function figuresSentence (data: readonly ChartDatum[], separator: string, colon: string): string {
  return data.map(d => `${d.label}${colon}${formatNumber(d.value)}`).join(separator)
}
