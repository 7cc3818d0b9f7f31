/**
 * The citizens' council in the reports: its composition by category
 * against the quotas and the pool, the draw's commitment and smallest
 * selection probability, and the opinions it published per agenda item.
 * Counts only: no volunteer's answers appear in any report.
 */
import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType, HeadingLevel } from 'docx'
import type { CouncilSynthesisView, SynthesisView } from '../../shared/api.ts'
import { num } from './report.ts'

const STATUS_FR = { recruiting: 'appel à volontaires en cours', committed: 'engagement publié, tirage à venir', drawn: 'tiré au sort' } as const
const TARGET_FR = { bill: 'Projet de loi', article: 'Article', amendment: 'Amendement', argument: 'Argument' } as const
const pct = (x: number): string => `${(100 * x).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} %`

function summaryLine (c: CouncilSynthesisView): string {
  return `${num(c.size)} membres, ${STATUS_FR[c.status]}; ${num(c.volunteersCount)} volontaires` +
    (c.maximin !== null ? `; probabilité de sélection la plus faible : ${pct(c.maximin)}` : '')
}

/** The council section of the HTML report (empty without a council). */
export function councilHtml (s: SynthesisView, esc: (t: string) => string): string {
  const c = s.council
  if (!c) return ''
  const rows = c.categories.flatMap(cat => cat.values.map((v, i) =>
    `<tr>${i === 0 ? `<th rowspan="${cat.values.length}" scope="rowgroup">${esc(cat.label)}</th>` : ''}<td>${esc(v.label)}</td><td class="n">${num(v.min)}–${num(v.max)}</td><td class="n">${num(v.volunteers)}</td><td class="n" data-seated="${v.seated}">${num(v.seated)}</td></tr>`)).join('\n')
  const opinions = c.opinions.map(o => `<article class="opinion"><h4>${esc(TARGET_FR[o.target.type])} — ${esc(o.title)}</h4>
<p>${esc(o.text)}</p><p class="muted">Vote des membres : ${num(o.vote.for)} pour, ${num(o.vote.mixed)} mitigés, ${num(o.vote.against)} contre.</p></article>`).join('\n')
  return `<section id="conseil-citoyen"><h2>Conseil citoyen</h2>
<p>${esc(summaryLine(c))}.${c.commitment ? ` Engagement (SHA-256) : <code>${esc(c.commitment)}</code>.` : ''}</p>
<table class="council"><thead><tr><th>Catégorie</th><th>Valeur</th><th>Quota</th><th>Volontaires</th><th>Membres</th></tr></thead><tbody>
${rows || '<tr><td colspan="5" class="muted">Aucune catégorie.</td></tr>'}</tbody></table>
<h3>Avis du conseil</h3>
${opinions || '<p class="muted">Aucun avis publié.</p>'}</section>`
}

const t = (x: string, bold = false): TextRun => new TextRun({ text: x, bold })
const cellOf = (x: string, bold = false): TableCell => new TableCell({ children: [new Paragraph({ children: [t(x, bold)] })] })

/** The council section of the Word report (empty without a council). */
export function councilDocx (s: SynthesisView): (Paragraph | Table)[] {
  const c = s.council
  if (!c) return []
  const rows = [
    new TableRow({ tableHeader: true, children: ['Catégorie', 'Valeur', 'Quota', 'Volontaires', 'Membres'].map(h => cellOf(h, true)) }),
    ...c.categories.flatMap(cat => cat.values.map(v => new TableRow({
      children: [cellOf(cat.label), cellOf(v.label), cellOf(`${v.min}–${v.max}`), cellOf(num(v.volunteers)), cellOf(num(v.seated))]
    })))
  ]
  return [
    new Paragraph({ children: [t('Conseil citoyen')], heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [t(summaryLine(c) + '.')] }),
    ...(c.commitment ? [new Paragraph({ children: [t(`Engagement (SHA-256) : ${c.commitment}`)] })] : []),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
    new Paragraph({ children: [t('Avis du conseil')], heading: HeadingLevel.HEADING_2 }),
    ...(c.opinions.length
      ? c.opinions.flatMap(o => [
        new Paragraph({ children: [t(`${TARGET_FR[o.target.type]} — ${o.title}`, true)] }),
        new Paragraph({ children: [t(o.text)] }),
        new Paragraph({ children: [t(`Vote des membres : ${o.vote.for} pour, ${o.vote.mixed} mitigés, ${o.vote.against} contre.`)] })
      ])
      : [new Paragraph({ children: [t('Aucun avis publié.')] })])
  ]
}

/** The columns of the council sheet of the workbook. */
export const COUNCIL_COLUMNS = [
  { key: 'section', header: 'Section', width: 14 }, { key: 'what', header: 'Catégorie ou point', width: 30 },
  { key: 'value', header: 'Valeur ou avis', width: 70 }, { key: 'min', header: 'Quota min / pour', width: 16 },
  { key: 'max', header: 'Quota max / mitigés', width: 18 }, { key: 'volunteers', header: 'Volontaires / contre', width: 20 },
  { key: 'members', header: 'Membres', width: 10 }
]

/** The rows of the council sheet: the composition per value, then each opinion with its vote. */
export function councilRows (c: CouncilSynthesisView): Record<string, string | number | null>[] {
  return [
    { section: 'Conseil', what: summaryLine(c), value: c.commitment },
    ...c.categories.flatMap(cat => cat.values.map(v => ({
      section: 'Composition', what: cat.label, value: v.label, min: v.min, max: v.max, volunteers: v.volunteers, members: v.seated
    }))),
    ...c.opinions.map(o => ({
      section: 'Avis', what: `${TARGET_FR[o.target.type]} — ${o.title}`, value: o.text, min: o.vote.for, max: o.vote.mixed, volunteers: o.vote.against
    }))
  ]
}
