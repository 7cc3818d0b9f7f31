/**
 * The synthesis report as a Word document a clerk can edit (the `docx`
 * package): a title page, participation, a section per article (tally, the
 * most supported amendments with their dispositif and diff, insertions
 * underlined and deletions struck, the most upvoted arguments per side, the
 * decisions with the editors' responses), and the comparison table in two
 * columns, "Texte initial | Texte consolidé". Built with Word's own heading
 * styles, so the navigation pane and a table of contents work; in the report
 * language (`lang`); « Page 3 / 12 » in the footer of every page (Word's
 * PAGE and NUMPAGES fields); no forced page break but after the title page,
 * headings kept with what follows them.
 */
import { liasseLine } from './liasse.ts'
import {
  AlignmentType, Document, Footer, HeadingLevel, Packer, PageBreak, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType
} from 'docx'
import type { SynthesisAmendmentView, SynthesisArgumentView, SynthesisArticleView, SynthesisView } from '../../shared/api.ts'
import { articleTitle, inlineDiff, sideBySide, type Run } from './report.ts'
import { councilDocx } from './council-report.ts'
import { formatsOf, wordsOf, type Formats, type ReportLang, type Words } from './words.ts'
import { revisionNote } from './revision-note.ts'

const text = (t: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun => new TextRun({ text: t, ...options })

/** Runs of a diff: insertions underlined, deletions struck (readable in black and white; the colours only help). */
const diffRuns = (runs: Run[]): TextRun[] => runs.map(r => new TextRun({
  text: r.text,
  ...(r.op === 'insert' ? { underline: {}, color: '1A7F37' } : r.op === 'delete' ? { strike: true, color: 'B42318' } : {})
}))

const para = (children: TextRun[] | string, options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; indent?: boolean; keepNext?: boolean } = {}): Paragraph =>
  new Paragraph({
    children: typeof children === 'string' ? [text(children)] : children,
    heading: options.heading,
    indent: options.indent ? { left: 400 } : undefined,
    // Headings stay on the page of what follows them.
    keepNext: options.keepNext ?? options.heading !== undefined,
    spacing: { after: 120 }
  })

function cell (children: Paragraph[], header = false): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph('')],
    shading: header ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : undefined
  })
}

function table (rows: TableCell[][], widths?: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: rows.map((cells, i) => new TableRow({ children: cells, tableHeader: i === 0, cantSplit: true }))
  })
}

const textCell = (t: string, header = false): TableCell => cell([new Paragraph({ children: [text(t, { bold: header })] })], header)

/** The words and formats of the report being written. */
interface L { w: Words; f: Formats; colon: string; lang: ReportLang }

function tallyTable ({ w, f }: L, a: SynthesisArticleView): Table {
  const sides = ['for', 'mixed', 'against'] as const
  return table([
    ['', w.for, w.mixed, w.against, w.votes].map(h => textCell(h, true)),
    [textCell(w.voices, true), ...sides.map(s => textCell(f.num(a.tally[s]))), textCell(f.num(a.votes))],
    [textCell(w.share, true), ...sides.map(s => textCell(f.pct(a.shares[s]))), textCell(a.votes ? f.pct(1) : '—')]
  ])
}

function amendment (l: L, m: SynthesisAmendmentView, withDecision: boolean): Paragraph[] {
  const { w, f, colon } = l
  const additional = m.kind === 'addArticle' ? w.additional(m.position === 'before' ? 'before' : 'after') : ''
  const out: Paragraph[] = [
    para([text(`${w.amendmentTitle(m.number)}${additional} ${w.by} ${m.author.displayName} (${w.profile[m.author.profileType]}) — ${w.status[m.status]}`, { bold: true })], { heading: HeadingLevel.HEADING_4 }),
    para(`${w.for} ${f.num(m.tally.for)} · ${w.mixed} ${f.num(m.tally.mixed)} · ${w.against} ${f.num(m.tally.against)} · ${w.support} ${f.score(m.support)}`)
  ]
  if (m.hidden) {
    out.push(para([text(w.hiddenNote(w.reason[m.hiddenReason ?? 'other']), { italics: true })]))
  } else {
    if (m.wording) out.push(para([text(`${w.wording}${colon} `, { bold: true }), text(m.wording[l.lang])], { indent: true }))
    if (m.diff) for (const a of inlineDiff(m.diff, w)) out.push(para([text(`${a.label}  `, { color: '555555', size: 18 }), ...diffRuns(a.runs)], { indent: true }))
    out.push(para([text(`${w.explanation}${colon} `, { bold: true }), text(m.explanation)]))
  }
  if (withDecision && m.decision) {
    out.push(para([
      text(`${w.decision(m.status === 'accepted', f.day(m.decision.at), m.decision.by.displayName)}. `, { bold: true }),
      text(`${w.response}${colon} ${m.decision.response}`)
    ]))
  }
  return out
}

const argument = ({ w, f }: L, g: SynthesisArgumentView): Paragraph => new Paragraph({
  children: [text(g.body), text(`  — ${g.author.displayName} (${w.profile[g.author.profileType]}), ${w.upvotes(g.upvotes, f.num(g.upvotes))}`, { italics: true, color: '555555' })],
  bullet: { level: 0 },
  spacing: { after: 80 }
})

function articleSection (l: L, a: SynthesisArticleView): (Paragraph | Table)[] {
  const { w, f, colon } = l
  const c = a.amendments
  const none = (what: string): Paragraph => para([text(what, { italics: true, color: '555555' })])
  const counts = w.articleCounts({ total: f.num(c.total), accepted: f.num(c.accepted), rejected: f.num(c.rejected), proposed: f.num(c.proposed), withdrawn: f.num(c.withdrawn) })
  return [
    para(articleTitle(a.num, a.heading), { heading: HeadingLevel.HEADING_1 }),
    tallyTable(l, a),
    ...(revisionNote(a, l.lang) ? [para(revisionNote(a, l.lang)!)] : []),
    para(`${counts}. ${w.argumentsLabel}${colon} ${w.argumentCounts(f.num(a.arguments.for), f.num(a.arguments.against))}.`),
    para(w.topAmendments, { heading: HeadingLevel.HEADING_2 }),
    ...(a.topAmendments.length ? a.topAmendments.flatMap(m => amendment(l, m, false)) : [none(w.noAmendment)]),
    para(w.topArguments, { heading: HeadingLevel.HEADING_2 }),
    para(w.for, { heading: HeadingLevel.HEADING_3 }),
    ...(a.topArguments.for.length ? a.topArguments.for.map(g => argument(l, g)) : [none(w.none)]),
    para(w.against, { heading: HeadingLevel.HEADING_3 }),
    ...(a.topArguments.against.length ? a.topArguments.against.map(g => argument(l, g)) : [none(w.none)]),
    para(w.decided, { heading: HeadingLevel.HEADING_2 }),
    ...(a.decided.length ? a.decided.flatMap(m => amendment(l, m, true)) : [none(w.noDecision)])
  ]
}

function participation ({ w, f }: L, s: SynthesisView): (Paragraph | Table)[] {
  const p = s.participation
  return [
    para(w.participation, { heading: HeadingLevel.HEADING_1 }),
    table([
      [textCell(w.participants, true), textCell(w.number, true)],
      [textCell(w.citizens), textCell(f.num(p.participants.citizen))],
      [textCell(w.organisations), textCell(f.num(p.participants.organisation))],
      [textCell(w.institutions), textCell(f.num(p.participants.institution))],
      [textCell(w.total, true), textCell(f.num(p.participants.total))]
    ]),
    table([
      [textCell(w.contributions, true), textCell(w.number, true)],
      [textCell(w.articleVotes), textCell(f.num(p.contributions.votes.articles))],
      [textCell(w.amendmentVotes), textCell(f.num(p.contributions.votes.amendments))],
      [textCell(w.argumentUpvotes), textCell(f.num(p.contributions.votes.arguments))],
      [textCell(w.amendmentsLabel), textCell(f.num(p.contributions.amendments))],
      [textCell(w.argumentsLabel), textCell(f.num(p.contributions.arguments))]
    ]),
    para(w.perDay, { heading: HeadingLevel.HEADING_2 }),
    table([
      [w.day, w.votes, w.amendmentsLabel, w.argumentsLabel].map(h => textCell(h, true)),
      ...p.days.map(d => [textCell(d.day), textCell(f.num(d.votes)), textCell(f.num(d.amendments)), textCell(f.num(d.arguments))])
    ]),
    para(w.method, { heading: HeadingLevel.HEADING_1 }),
    para(w.ranking)
  ]
}

function comparison (l: L, s: SynthesisView): (Paragraph | Table)[] {
  const { w, colon } = l
  const out: (Paragraph | Table)[] = [
    para(w.comparison, { heading: HeadingLevel.HEADING_1 }),
    para(w.comparisonNote(s.consolidated.revision))
  ]
  for (const c of s.consolidated.articles) {
    out.push(para(articleTitle(c.num, c.heading), { heading: HeadingLevel.HEADING_2 }))
    const rows = sideBySide(c.diff).map(r => [
      cell(r.left ? [new Paragraph({ children: diffRuns(r.left) })] : []),
      cell(r.right ? [new Paragraph({ children: diffRuns(r.right) })] : [])
    ])
    out.push(table([[textCell(w.initial, true), textCell(w.consolidated, true)], ...rows], [4500, 4500]))
    if (c.conflicts.length) {
      out.push(para([text(`${w.notApplied}${colon} ${c.conflicts.map(x => x.amendmentId).join(', ')}.`, { italics: true })]))
    }
  }
  return out
}

/** The liasse: every amendment in the order of discussion, as a table. */
function liasse ({ w, lang }: L, s: SynthesisView): (Paragraph | Table)[] {
  if (s.discussion.length === 0) return []
  const rows = s.discussion.map(e => {
    const line = liasseLine(e, lang)
    return [textCell(line.number), textCell(line.place), textCell(line.detail)]
  })
  return [
    para(w.liasseTitle, { heading: HeadingLevel.HEADING_1 }),
    para(w.liasseNote),
    table([[textCell(w.liasseNumber, true), textCell(w.liassePlace, true), textCell(w.liasseFate, true)], ...rows], [1200, 3800, 4000])
  ]
}

/** The footer of every page: « Page 3 / 12 » ("Page 3 of 12"), Word's PAGE and NUMPAGES fields. */
function pageFooter (w: Words): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [w.pageWords.before, PageNumber.CURRENT, w.pageWords.between, PageNumber.TOTAL_PAGES], size: 18, color: '555555' })]
    })]
  })
}

/** The report of a synthesis as a .docx file, in `lang` (French by default). */
export async function renderDocx (s: SynthesisView, lang: ReportLang = 'fr'): Promise<Buffer> {
  const w = wordsOf(lang)
  const f = formatsOf(lang)
  const l: L = { w, f, colon: lang === 'fr' ? ' :' : ':', lang }
  const b = s.bill
  const centred = (children: TextRun[], spacing?: { before?: number; after?: number }): Paragraph => new Paragraph({ children, alignment: AlignmentType.CENTER, spacing })
  const title: Paragraph[] = [
    centred([text(w.kicker.toLocaleUpperCase(lang), { color: '555555' })], { before: 2400, after: 400 }),
    new Paragraph({ children: [text(b.title, { bold: true, size: 44 })], heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 400 } }),
    ...(b.summary ? [centred([text(b.summary)], { after: 400 })] : []),
    centred([text(`${w.consultation} ${w.period(f.day(b.opensAt), f.day(b.closesAt), w.billStatus[b.status])}`)]),
    centred([text(`${w.revision} ${b.revision} · ${f.num(s.articles.length)} article${s.articles.length > 1 ? 's' : ''} · ${f.num(s.participation.participants.total)} ${w.participants.toLowerCase()}`)]),
    centred([text(`${w.authors}${l.colon} ${b.authors.map(a => a.displayName).join(', ') || '—'}`)]),
    centred([text(`${w.established} ${f.when(s.generatedAt)}`, { italics: true })]),
    new Paragraph({ children: [new PageBreak()] })
  ]
  const doc = new Document({
    creator: 'Alinea',
    title: `${w.report} — ${b.title}`,
    description: `${w.kicker} (Alinea)`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{
      footers: { default: pageFooter(w) },
      children: [
        ...title,
        ...participation(l, s),
        ...s.articles.flatMap(a => articleSection(l, a)),
        ...comparison(l, s),
        ...councilDocx(s, lang),
        ...liasse(l, s)
      ]
    }]
  })
  return Packer.toBuffer(doc)
}
