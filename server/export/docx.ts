/**
 * The synthesis report as a Word document a clerk can edit (the `docx`
 * package): a title page, participation, a section per article (tally, the
 * most supported amendments with their dispositif and diff, insertions
 * underlined and deletions struck, the most upvoted arguments per side, the
 * decisions with the editors' responses), and the comparison table in two
 * columns, "Texte initial | Texte consolidé". Built with Word's own heading
 * styles, so the navigation pane and a table of contents work.
 */
import { LIASSE_NOTE, LIASSE_TITLE, liasseLine } from './liasse.ts'
import {
  AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType
} from 'docx'
import type { SynthesisAmendmentView, SynthesisArgumentView, SynthesisArticleView, SynthesisView } from '../../shared/api.ts'
import {
  BILL_STATUS_FR, PROFILE_FR, RANKING_FR, STATUS_FR, articleTitle, day, inlineDiff, num, pct, score, sideBySide, when, type Run
} from './report.ts'
import { councilDocx } from './council-report.ts'
import { revisionNote } from './revision-note.ts'

const text = (t: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun => new TextRun({ text: t, ...options })

/** Runs of a diff: insertions underlined, deletions struck. */
const diffRuns = (runs: Run[]): TextRun[] => runs.map(r => new TextRun({
  text: r.text,
  ...(r.op === 'insert' ? { underline: {}, color: '1A7F37' } : r.op === 'delete' ? { strike: true, color: 'B42318' } : {})
}))

const para = (children: TextRun[] | string, options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; indent?: boolean } = {}): Paragraph =>
  new Paragraph({
    children: typeof children === 'string' ? [text(children)] : children,
    heading: options.heading,
    indent: options.indent ? { left: 400 } : undefined,
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
    rows: rows.map((cells, i) => new TableRow({ children: cells, tableHeader: i === 0 }))
  })
}

const textCell = (t: string, header = false): TableCell => cell([new Paragraph({ children: [text(t, { bold: header })] })], header)

function tallyTable (a: SynthesisArticleView): Table {
  const sides = ['for', 'mixed', 'against'] as const
  return table([
    ['', 'Pour', 'Mitigé', 'Contre', 'Votes'].map(h => textCell(h, true)),
    [textCell('Voix', true), ...sides.map(s => textCell(num(a.tally[s]))), textCell(num(a.votes))],
    [textCell('Part', true), ...sides.map(s => textCell(pct(a.shares[s]))), textCell(a.votes ? '100 %' : '—')]
  ])
}

function amendment (m: SynthesisAmendmentView, withDecision: boolean): Paragraph[] {
  const out: Paragraph[] = [
    para([text(`Amendement n° ${m.number}${m.kind === 'addArticle' ? ` (article additionnel ${m.position === 'before' ? 'avant' : 'après'} cet article)` : ''} de ${m.author.displayName} (${PROFILE_FR[m.author.profileType]}) — ${STATUS_FR[m.status]}`, { bold: true })], { heading: HeadingLevel.HEADING_4 }),
    para(`Pour ${num(m.tally.for)} · Mitigé ${num(m.tally.mixed)} · Contre ${num(m.tally.against)} · soutien ${score(m.support)}`)
  ]
  if (m.hidden) {
    out.push(para([text(`Masqué par la modération (${m.hiddenReason ?? 'other'}) : texte retiré de la synthèse.`, { italics: true })]))
  } else {
    if (m.wording) out.push(para([text('Dispositif : ', { bold: true }), text(m.wording.fr)], { indent: true }))
    if (m.diff) for (const a of inlineDiff(m.diff)) out.push(para([text(`${a.label}  `, { color: '555555', size: 18 }), ...diffRuns(a.runs)], { indent: true }))
    out.push(para([text('Exposé sommaire : ', { bold: true }), text(m.explanation)]))
  }
  if (withDecision && m.decision) {
    out.push(para([
      text(`${m.status === 'accepted' ? 'Adopté' : 'Rejeté'} le ${day(m.decision.at)} par ${m.decision.by.displayName}. `, { bold: true }),
      text(`Réponse des rédacteurs : ${m.decision.response}`)
    ]))
  }
  return out
}

const argument = (g: SynthesisArgumentView): Paragraph => new Paragraph({
  children: [text(g.body), text(`  — ${g.author.displayName} (${PROFILE_FR[g.author.profileType]}), ${num(g.upvotes)} soutien${g.upvotes > 1 ? 's' : ''}`, { italics: true, color: '555555' })],
  bullet: { level: 0 },
  spacing: { after: 80 }
})

function articleSection (a: SynthesisArticleView): (Paragraph | Table)[] {
  const c = a.amendments
  const none = (what: string): Paragraph => para([text(what, { italics: true, color: '555555' })])
  return [
    new Paragraph({ children: [new PageBreak()] }),
    para(articleTitle(a.num, a.heading), { heading: HeadingLevel.HEADING_1 }),
    tallyTable(a),
    ...(revisionNote(a) ? [para(revisionNote(a)!)] : []),
    para(`Amendements : ${num(c.total)} (adoptés ${num(c.accepted)}, rejetés ${num(c.rejected)}, en discussion ${num(c.proposed)} ; retirés ${num(c.withdrawn)}). Arguments : ${num(a.arguments.for)} pour, ${num(a.arguments.against)} contre.`),
    para('Amendements les plus soutenus', { heading: HeadingLevel.HEADING_2 }),
    ...(a.topAmendments.length ? a.topAmendments.flatMap(m => amendment(m, false)) : [none('Aucun amendement.')]),
    para('Arguments les plus soutenus', { heading: HeadingLevel.HEADING_2 }),
    para('Pour', { heading: HeadingLevel.HEADING_3 }),
    ...(a.topArguments.for.length ? a.topArguments.for.map(argument) : [none('Aucun.')]),
    para('Contre', { heading: HeadingLevel.HEADING_3 }),
    ...(a.topArguments.against.length ? a.topArguments.against.map(argument) : [none('Aucun.')]),
    para('Amendements adoptés et rejetés', { heading: HeadingLevel.HEADING_2 }),
    ...(a.decided.length ? a.decided.flatMap(m => amendment(m, true)) : [none('Aucune décision.')])
  ]
}

function participation (s: SynthesisView): (Paragraph | Table)[] {
  const p = s.participation
  return [
    para('Participation', { heading: HeadingLevel.HEADING_1 }),
    table([
      [textCell('Participants', true), textCell('Nombre', true)],
      [textCell('Citoyens'), textCell(num(p.participants.citizen))],
      [textCell('Organisations'), textCell(num(p.participants.organisation))],
      [textCell('Institutions'), textCell(num(p.participants.institution))],
      [textCell('Total', true), textCell(num(p.participants.total))]
    ]),
    table([
      [textCell('Contributions', true), textCell('Nombre', true)],
      [textCell('Votes sur les articles'), textCell(num(p.contributions.votes.articles))],
      [textCell('Votes sur les amendements'), textCell(num(p.contributions.votes.amendments))],
      [textCell('Soutiens d\'arguments'), textCell(num(p.contributions.votes.arguments))],
      [textCell('Amendements'), textCell(num(p.contributions.amendments))],
      [textCell('Arguments'), textCell(num(p.contributions.arguments))]
    ]),
    para('Par jour (UTC)', { heading: HeadingLevel.HEADING_2 }),
    table([
      ['Jour', 'Votes', 'Amendements', 'Arguments'].map(h => textCell(h, true)),
      ...p.days.map(d => [textCell(d.day), textCell(num(d.votes)), textCell(num(d.amendments)), textCell(num(d.arguments))])
    ]),
    para('Méthode', { heading: HeadingLevel.HEADING_1 }),
    para(RANKING_FR)
  ]
}

function comparison (s: SynthesisView): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ children: [new PageBreak()] }),
    para('Tableau comparatif', { heading: HeadingLevel.HEADING_1 }),
    para(`Texte de la révision ${s.consolidated.revision} et texte consolidé après application des amendements adoptés, dans l'ordre des décisions. Les ajouts sont soulignés, les suppressions barrées.`)
  ]
  for (const c of s.consolidated.articles) {
    out.push(para(articleTitle(c.num, c.heading), { heading: HeadingLevel.HEADING_2 }))
    const rows = sideBySide(c.diff).map(r => [
      cell(r.left ? [new Paragraph({ children: diffRuns(r.left) })] : []),
      cell(r.right ? [new Paragraph({ children: diffRuns(r.right) })] : [])
    ])
    out.push(table([[textCell('Texte initial', true), textCell('Texte consolidé', true)], ...rows], [4500, 4500]))
    if (c.conflicts.length) {
      out.push(para([text(`Amendements adoptés non appliqués (conflit avec une décision antérieure) : ${c.conflicts.map(x => x.amendmentId).join(', ')}.`, { italics: true })]))
    }
  }
  return out
}

/** The liasse: every amendment in the order of discussion, as a table. */
function liasse (s: SynthesisView): (Paragraph | Table)[] {
  if (s.discussion.length === 0) return []
  const rows = s.discussion.map(e => {
    const l = liasseLine(e)
    return [textCell(l.number), textCell(l.place), textCell(l.detail)]
  })
  return [
    new Paragraph({ children: [new PageBreak()] }),
    para(LIASSE_TITLE, { heading: HeadingLevel.HEADING_1 }),
    para(LIASSE_NOTE),
    table([[textCell('N°', true), textCell('Place', true), textCell('Sort', true)], ...rows], [1200, 3800, 4000])
  ]
}

/** The report of a synthesis as a .docx file. */
export async function renderDocx (s: SynthesisView): Promise<Buffer> {
  const b = s.bill
  const title: Paragraph[] = [
    new Paragraph({ children: [text('SYNTHÈSE DE LA CONSULTATION', { color: '555555' })], alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 400 } }),
    new Paragraph({ children: [text(b.title, { bold: true, size: 44 })], heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 400 } }),
    ...(b.summary ? [new Paragraph({ children: [text(b.summary)], alignment: AlignmentType.CENTER, spacing: { after: 400 } })] : []),
    new Paragraph({ children: [text(`Consultation du ${day(b.opensAt)} au ${day(b.closesAt)} (${BILL_STATUS_FR[b.status]})`)], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [text(`Révision ${b.revision} · ${num(s.articles.length)} article${s.articles.length > 1 ? 's' : ''} · ${num(s.participation.participants.total)} participants`)], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [text(`Auteurs : ${b.authors.map(a => a.displayName).join(', ') || '—'}`)], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [text(`Établi le ${when(s.generatedAt)}`, { italics: true })], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [new PageBreak()] })
  ]
  const doc = new Document({
    creator: 'Alinea',
    title: `Synthèse — ${b.title}`,
    description: 'Synthèse de la consultation (Alinea)',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{
      children: [
        ...title,
        ...participation(s),
        ...s.articles.flatMap(articleSection),
        ...comparison(s),
        ...councilDocx(s),
        ...liasse(s)
      ]
    }]
  })
  return Packer.toBuffer(doc)
}
