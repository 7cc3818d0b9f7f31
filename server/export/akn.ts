/**
 * The bill and its amendments in Akoma Ntoso 3.0 (OASIS LegalDocML, final
 * namespace), valid against the official schema: one `<akomaNtoso>` holding
 * the `<bill>` (a revision, or the consolidated text with
 * `?version=consolidated`), its divisions and articles with the usual eIds
 * (`art_1`, `art_1__para_2`, `chp_1`), and each amendment that is not
 * withdrawn as an `<amendment>` document in the bill's `<attachments>`: its
 * number, article and status in the preface, the dispositif and a two-column
 * table ("Texte initial | Amendement", `<del>`/`<ins>` marking the changes)
 * in `<amendmentContent>`, the exposé sommaire in `<amendmentJustification>`.
 * Readers that only want the bill (our own import among them) skip the
 * attachments. Amendments are streamed page by page.
 */
import type { Writable } from 'node:stream'
import type { RevisionRecord } from '../store/store.ts'
import type { BillBlock } from '../../shared/types.ts'
import { docToBlocks, parseArticleNum } from '../../shared/text.ts'
import { NotFound, RuleBroken } from '../domain/errors.ts'
import { getConsolidated } from '../domain/consolidation.ts'
import { Sink } from './sink.ts'
import { amendmentPages, type ExportContext, type OpenAmendment } from './records.ts'
import { STATUS_FR, sideBySide, xmlText, type Run } from './report.ts'

/** The final Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Text made safe for XML content and attribute values. */
export function xesc (text: string): string {
  return xmlText(text).replace(/[&<>"]/g, c => XML_ESCAPES[c])
}

/** What to export of the text: the latest revision, one revision, or the consolidated text. */
export type AknVersion = 'latest' | 'consolidated' | number

/** The text to export, read before anything is sent (so a missing revision is a clean 404/422). */
export interface AknText { revision: RevisionRecord; blocks: BillBlock[]; consolidated: boolean }

/** Reads the text of `version`; 422 for a bill never published, 404 for an unknown revision. */
export async function aknText (x: ExportContext, version: AknVersion): Promise<AknText> {
  const { ctx, bill } = x
  if (bill.revision === 0) throw new RuleBroken('nothing_published', 'this bill has no published revision yet')
  const number = typeof version === 'number' ? version : bill.revision
  const revision = number <= bill.revision ? await ctx.store.getRevision(bill.id, number) : null
  if (!revision) throw new NotFound('revision')
  let blocks = docToBlocks(revision.doc)
  if (version === 'consolidated') {
    const consolidated = await getConsolidated(ctx, null, bill.id)
    const byId = new Map(consolidated.articles.map(a => [a.articleId, a.consolidatedAlineas]))
    blocks = withAdditions(blocks.map(b => b.kind === 'article' && byId.has(b.id) ? { ...b, alineas: byId.get(b.id)! } : b), consolidated.articles)
  }
  return { revision, blocks, consolidated: version === 'consolidated' }
}

/**
 * The blocks with the accepted additional articles of the consolidated text
 * inserted at their place: after the article that precedes them there (or
 * before the first article when none does), numbered as consolidated.
 */
function withAdditions (blocks: BillBlock[], articles: { articleId: string | null; amendmentId: string | null; num: string; heading: string | null; consolidatedAlineas: string[] }[]): BillBlock[] {
  const after = new Map<string | null, BillBlock[]>()
  let previous: string | null = null
  for (const a of articles) {
    if (a.articleId !== null) { previous = a.articleId; continue }
    const block: BillBlock = { kind: 'article', id: a.amendmentId ?? a.num, num: a.num, heading: a.heading, alineas: a.consolidatedAlineas }
    after.set(previous, [...(after.get(previous) ?? []), block])
  }
  if (after.size === 0) return blocks
  const out: BillBlock[] = []
  let first = true
  for (const b of blocks) {
    if (b.kind === 'article' && first) { out.push(...(after.get(null) ?? [])); first = false }
    out.push(b)
    if (b.kind === 'article') out.push(...(after.get(b.id) ?? []))
  }
  return out
}

const DIVISION = { 1: ['title', 'title'], 2: ['chapter', 'chp'], 3: ['section', 'sec'], 4: ['subsection', 'subsec'] } as const

/** eId part of an article number: "1er" -> "1", "2 bis" -> "2bis"; null when it does not parse. */
function numPart (num: string): string | null {
  const parsed = parseArticleNum(num)
  if (!parsed) return null
  return `${parsed.n}${(parsed.suffix ?? '').replace(/\s+/g, '').toLowerCase()}`
}

const isoDay = (iso: string): string => iso.slice(0, 10)

/** The FRBR identification of a document (Work, Expression, Manifestation). */
function identification (work: string, workDate: string, expressionDate: string, expressionName: string, exportDate: string, source: string): string {
  const expression = `${work}/fra@${expressionDate}`
  return `<identification source="#${source}">
<FRBRWork><FRBRthis value="${xesc(work)}/!main"/><FRBRuri value="${xesc(work)}"/><FRBRdate date="${workDate}" name="creation"/><FRBRauthor href="#${source}"/><FRBRcountry value="fr"/></FRBRWork>
<FRBRExpression><FRBRthis value="${xesc(expression)}/!main"/><FRBRuri value="${xesc(expression)}"/><FRBRdate date="${expressionDate}" name="${xesc(expressionName)}"/><FRBRauthor href="#${source}"/><FRBRlanguage language="fra"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="${xesc(expression)}/!main.xml"/><FRBRuri value="${xesc(expression)}.akn"/><FRBRdate date="${exportDate}" name="export"/><FRBRauthor href="#${source}"/></FRBRManifestation>
</identification>`
}

/** The references of a document: Alinea as an organisation, under `eId` (eIds are unique across the bill and its attachments). */
const references = (eId: string): string =>
  `<references source="#${eId}"><TLCOrganization eId="${eId}" href="/ontology/organization/alinea" showAs="Alinea"/></references>`

/** The `<body>` of the bill: divisions nest what follows them until a division of the same or a higher level. */
function body (blocks: BillBlock[], consolidated: boolean): string {
  const used = new Set<string>()
  const counters: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 }
  const open: number[] = []
  let out = '<body>\n'
  let position = 0
  const close = (level: number): void => {
    while (open.length > 0 && open[open.length - 1] >= level) out += `</${DIVISION[open.pop() as 1 | 2 | 3 | 4][0]}>\n`
  }
  for (const b of blocks) {
    if (b.kind === 'division') {
      close(b.level)
      const [element, prefix] = DIVISION[b.level]
      out += `<${element} eId="${prefix}_${++counters[b.level]}"><heading>${xesc(b.title || '—')}</heading>\n`
      open.push(b.level)
      continue
    }
    position++
    let eId = `art_${numPart(b.num) ?? position}`
    if (used.has(eId)) eId = `art_${position}_${used.size}`
    used.add(eId)
    out += `<article eId="${eId}"><num>Article ${xesc(b.num)}</num>${b.heading ? `<heading>${xesc(b.heading)}</heading>` : ''}\n`
    if (b.alineas.length === 0 && consolidated) {
      out += `<paragraph eId="${eId}__para_1"><content><p>(Supprimé)</p></content></paragraph>\n`
    }
    b.alineas.forEach((text, i) => {
      out += `<paragraph eId="${eId}__para_${i + 1}"><content><p>${xesc(text)}</p></content></paragraph>\n`
    })
    out += '</article>\n'
  }
  close(1)
  // The schema wants something in the body: a bill without articles cannot be published, so this is a guard.
  if (position === 0) out += '<hcontainer eId="hcontainer_1" name="empty"><content><p>—</p></content></hcontainer>\n'
  return out + '</body>\n'
}

const marked = (runs: Run[]): string =>
  runs.map(r => r.op === 'insert' ? `<ins>${xesc(r.text)}</ins>` : r.op === 'delete' ? `<del>${xesc(r.text)}</del>` : xesc(r.text)).join('')

/** One amendment as an attachment. */
function amendmentDocument (a: OpenAmendment, work: string, exportDate: string): string {
  const id = `att_${a.number}`
  const amWork = `${work}/amendment/${a.number}`
  const status = STATUS_FR[a.status]
  const place = a.position === 'before' ? 'avant' : 'après'
  const heading = a.kind === 'addArticle' ? `Article additionnel ${place} l'article ${a.articleNum ?? '?'}` : `Article ${a.articleNum ?? '?'}`
  let content: string
  if (a.diff && a.wording) {
    const rows = sideBySide(a.diff).map(r => `<tr><td><p>${r.left ? marked(r.left) : ''}</p></td><td><p>${r.right ? marked(r.right) : ''}</p></td></tr>`).join('\n')
    content = `<p>${xesc(a.wording.fr)}</p>
<table eId="${id}__table_1"><tr><th><p>Texte initial</p></th><th><p>Amendement</p></th></tr>
${rows}
</table>`
  } else {
    content = `<p>${xesc(a.explanation)}</p>`
  }
  const hidden = a.hidden ? ` (masqué par la modération : ${a.hiddenReason ?? 'other'})` : ''
  const decision = a.decision ? `<p>Décision du ${isoDay(a.decision.at)} : ${xesc(a.decision.response)}</p>` : ''
  return `<attachment eId="${id}"><amendment name="amendment" contains="originalVersion">
<meta>${identification(amWork, isoDay(a.createdAt), isoDay(a.updatedAt), a.status, exportDate, `${id}__alinea`)}${references(`${id}__alinea`)}</meta>
<preface><p>Amendement n° <docNumber>${a.number}</docNumber> ${a.kind === 'addArticle' ? `portant article additionnel ${place} l'article` : 'à l\'article'} ${xesc(a.articleNum ?? '?')}${a.origin ? xesc(` (${a.origin.chamber === 'an' ? 'Assemblée nationale' : 'Sénat'}, n° ${a.origin.number})`) : ''} — <docStatus>${status}</docStatus>${xesc(hidden)}</p></preface>
<amendmentBody>
<amendmentHeading><p>${xesc(heading)}</p></amendmentHeading>
<amendmentContent>${content}</amendmentContent>
<amendmentJustification><p>${xesc(a.explanation || '—')}</p>${decision}</amendmentJustification>
</amendmentBody>
</amendment></attachment>
`
}

/** Streams the Akoma Ntoso document of `text` with the bill's amendments to `out` and ends it. */
export async function writeAkn (x: ExportContext, text: AknText, out: Writable): Promise<void> {
  const { bill } = x
  const sink = new Sink(out)
  const exportDate = isoDay(x.ctx.now().toISOString())
  const work = `/akn/fr/bill/${isoDay(bill.createdAt)}/${bill.id}`
  const expressionName = text.consolidated ? 'consolidated' : `revision-${text.revision.number}`
  const expressionDate = text.consolidated ? exportDate : isoDay(text.revision.publishedAt)
  sink.push(`<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="${AKN_NAMESPACE}">
<bill name="bill" contains="${text.consolidated ? 'singleVersion' : 'originalVersion'}">
<meta>${identification(work, isoDay(bill.createdAt), expressionDate, expressionName, exportDate, 'alinea')}${references('alinea')}</meta>
<preface><p><docTitle>${xesc(bill.title)}</docTitle></p></preface>
${body(text.blocks, text.consolidated)}`)
  let attachments = 0
  for await (const page of amendmentPages(x)) {
    for (const a of page) {
      if (a.status === 'withdrawn') continue
      if (attachments++ === 0) sink.push('<attachments>\n')
      sink.push(amendmentDocument(a, work, exportDate))
    }
    await sink.pause()
  }
  if (attachments > 0) sink.push('</attachments>\n')
  sink.push('</bill>\n</akomaNtoso>\n')
  await sink.end()
}
