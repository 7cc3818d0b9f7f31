/**
 * The citizens' council in the reports: its composition by category
 * against the quotas and the pool, the draw's commitment and smallest
 * selection probability, and the opinions it published per agenda item.
 * Counts only: no volunteer's answers appear in any report. In the report
 * language (`words.ts`), French by default.
 */
import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType, HeadingLevel } from 'docx'
import type { CouncilSynthesisView, SynthesisView } from '../../shared/api.ts'
import { formatsOf, wordsOf, type Formats, type ReportLang, type Words } from './words.ts'

/** The smallest selection probability, 2 decimals: "12,5 %" / "12.5%". */
function pctOf (lang: ReportLang, x: number): string {
  return formatsOf(lang).decimal(Math.round(10_000 * x) / 100) + (lang === 'fr' ? ' %' : '%')
}

/** The words, formats and colon of a report language. */
function language (lang: ReportLang): { w: Words; f: Formats; colon: string; lang: ReportLang } {
  return { w: wordsOf(lang), f: formatsOf(lang), colon: lang === 'fr' ? ' :' : ':', lang }
}

function summaryLine (c: CouncilSynthesisView, lang: ReportLang): string {
  const { w, f } = language(lang)
  return w.councilSummary(f.num(c.size), w.councilStatus[c.status], f.num(c.volunteersCount), c.maximin !== null ? pctOf(lang, c.maximin) : null)
}

/** The council section of the HTML report (empty without a council). */
export function councilHtml (s: SynthesisView, esc: (t: string) => string, lang: ReportLang = 'fr'): string {
  const c = s.council
  if (!c) return ''
  const { w, f, colon } = language(lang)
  const rows = c.categories.flatMap(cat => cat.values.map((v, i) =>
    `<tr>${i === 0 ? `<th rowspan="${cat.values.length}" scope="rowgroup">${esc(cat.label)}</th>` : ''}<td>${esc(v.label)}</td><td class="n">${f.num(v.min)}–${f.num(v.max)}</td><td class="n">${f.num(v.volunteers)}</td><td class="n" data-seated="${v.seated}">${f.num(v.seated)}</td></tr>`)).join('\n')
  const opinions = c.opinions.map(o => `<article class="opinion"><h4>${esc(w.councilTarget[o.target.type])} — ${esc(o.title)}</h4>
<p>${esc(o.text)}</p><p class="muted">${esc(w.membersVote(f.num(o.vote.for), f.num(o.vote.mixed), f.num(o.vote.against)))}</p></article>`).join('\n')
  return `<section id="conseil-citoyen"><h2>${esc(w.council)}</h2>
<p>${esc(summaryLine(c, lang))}.${c.commitment ? ` ${esc(w.commitment)}${colon} <code>${esc(c.commitment)}</code>.` : ''}</p>
<table class="council"><thead><tr><th>${esc(w.category)}</th><th>${esc(w.value)}</th><th>${esc(w.quota)}</th><th>${esc(w.volunteers)}</th><th>${esc(w.members)}</th></tr></thead><tbody>
${rows || `<tr><td colspan="5" class="muted">${esc(w.noCategory)}</td></tr>`}</tbody></table>
<h3>${esc(w.opinions)}</h3>
${opinions || `<p class="muted">${esc(w.noOpinion)}</p>`}</section>`
}

const t = (x: string, bold = false): TextRun => new TextRun({ text: x, bold })
const cellOf = (x: string, bold = false): TableCell => new TableCell({ children: [new Paragraph({ children: [t(x, bold)] })] })

/** The council section of the Word report (empty without a council). */
export function councilDocx (s: SynthesisView, lang: ReportLang = 'fr'): (Paragraph | Table)[] {
  const c = s.council
  if (!c) return []
  const { w, f, colon } = language(lang)
  const rows = [
    new TableRow({ tableHeader: true, children: [w.category, w.value, w.quota, w.volunteers, w.members].map(h => cellOf(h, true)) }),
    ...c.categories.flatMap(cat => cat.values.map(v => new TableRow({
      cantSplit: true,
      children: [cellOf(cat.label), cellOf(v.label), cellOf(`${v.min}–${v.max}`), cellOf(f.num(v.volunteers)), cellOf(f.num(v.seated))]
    })))
  ]
  return [
    new Paragraph({ children: [t(w.council)], heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [t(summaryLine(c, lang) + '.')] }),
    ...(c.commitment ? [new Paragraph({ children: [t(`${w.commitment}${colon} ${c.commitment}`)] })] : []),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
    new Paragraph({ children: [t(w.opinions)], heading: HeadingLevel.HEADING_2 }),
    ...(c.opinions.length
      ? c.opinions.flatMap(o => [
        new Paragraph({ children: [t(`${w.councilTarget[o.target.type]} — ${o.title}`, true)], keepNext: true }),
        new Paragraph({ children: [t(o.text)] }),
        new Paragraph({ children: [t(w.membersVote(String(o.vote.for), String(o.vote.mixed), String(o.vote.against)))] })
      ])
      : [new Paragraph({ children: [t(w.noOpinion)] })])
  ]
}

/** The columns of the council sheet of the workbook, headers in the report language. */
export function councilColumns (lang: ReportLang = 'fr'): { key: string; header: string; width: number }[] {
  const h = wordsOf(lang).councilColumns
  return [
    { key: 'section', header: h.section, width: 14 }, { key: 'what', header: h.what, width: 30 },
    { key: 'value', header: h.value, width: 70 }, { key: 'min', header: h.min, width: 16 },
    { key: 'max', header: h.max, width: 18 }, { key: 'volunteers', header: h.volunteers, width: 20 },
    { key: 'members', header: h.members, width: 10 }
  ]
}

/** The columns of the council sheet, in French. */
export const COUNCIL_COLUMNS = councilColumns('fr')

/** The rows of the council sheet: the composition per value, then each opinion with its vote. */
export function councilRows (c: CouncilSynthesisView, lang: ReportLang = 'fr'): Record<string, string | number | null>[] {
  const w = wordsOf(lang)
  return [
    { section: w.councilSections.council, what: summaryLine(c, lang), value: c.commitment },
    ...c.categories.flatMap(cat => cat.values.map(v => ({
      section: w.councilSections.composition, what: cat.label, value: v.label, min: v.min, max: v.max, volunteers: v.volunteers, members: v.seated
    }))),
    ...c.opinions.map(o => ({
      section: w.councilSections.opinion, what: `${w.councilTarget[o.target.type]} — ${o.title}`, value: o.text, min: o.vote.for, max: o.vote.mixed, volunteers: o.vote.against
    }))
  ]
}
