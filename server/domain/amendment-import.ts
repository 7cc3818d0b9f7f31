/**
 * Official amendments imported into a bill (POST /bills/:billId/amendments/import):
 * the Assemblée's XML or the Sénat's CSV, read by `official/`, each matched to
 * the article whose number its subdivision names ("Article 2 bis"), or made
 * an additional article (« Après l'article 7 »). Its dispositif is kept
 * verbatim (`origin.dispositif`, and as its French wording) and applied to
 * the article's latest text when the parser reads it and it applies;
 * otherwise the amendment is still imported, with `applies: false` and the
 * reason. An amendment without dispositif (withdrawn before the sitting), or
 * whose subdivision matches no article, is not imported, with the reason.
 *
 * Everything is read and checked first, then stored in one store
 * transaction (`createAmendments`): a bad file stores nothing.
 */
import type { Ctx, Actor } from './context.ts'
import type { AmendmentRecord, ArticleRecord } from './store.ts'
import type { ImportAmendmentsBody, ImportReportView } from '../../shared/api.ts'
import { IMPORT_LIMITS } from '../../shared/api.ts'
import { normaliseAlinea, normaliseArticleNum, parseArticleNum } from '../../shared/text.ts'
import { applyWording, parseWording, wording } from '../../shared/wording.ts'
import { diffArticle, type ArticleDiff } from '../../shared/diff.ts'
import { newProposal } from './amendments.ts'
import { Forbidden, NotFound, RuleBroken, TooLarge, Unauthenticated } from './errors.ts'
import { canSee, isEditor } from './access.ts'
import { describeAddition } from './additional-articles.ts'
import { sameText } from './amendment-text.ts'
import { readAnXml } from './official/an-xml.ts'
import { readSenatCsv } from './official/senat-csv.ts'
import { UnreadableFile, type OfficialAmendment } from './official/official.ts'

/** The file's text: `data` as given, or `dataBase64` decoded as UTF-8 when it is valid UTF-8, else as Latin-1. */
export function decodeImportData (body: ImportAmendmentsBody): string {
  if (body.data !== undefined) return body.data
  const bytes = Buffer.from(body.dataBase64 ?? '', 'base64')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('latin1').decode(bytes)
  }
}

/** The place an official amendment names: an article number and, for an additional article, the side. */
function placeOf (o: OfficialAmendment): { num: string | null; additional: 'after' | 'before' | null; dispositif: string[] } {
  let dispositif = o.dispositif
  let additional = o.additional
  let subdivision = o.subdivision
  // The Sénat puts the place on its own line: « Après l'article 7 » then « Insérer un article additionnel ainsi rédigé : ».
  const first = /^(apr[eè]s|avant)\s+l['’]article\s+(.+?)\s*\.?$/i.exec(dispositif[0] ?? '')
  if (first && parseArticleNum(first[2]) !== null) {
    additional = /^av/i.test(first[1]) ? 'before' : 'after'
    subdivision = `Article ${first[2]}`
    dispositif = dispositif.slice(1)
  }
  const m = /^(?:l['’])?article\s+(.+?)\s*$/i.exec(subdivision.replace(/\u00a0/g, ' '))
  const num = m ? normaliseArticleNum(m[1].replace(/^premier$/i, '1er')) : null
  return { num, additional, dispositif }
}

/** The new article of an additional-article dispositif: the lines after « insérer un article additionnel ainsi rédigé : », unquoted; else every line. */
function additionText (lines: string[]): string[] {
  const at = lines.findIndex(l => /ins[ée]rer\s+un\s+article\s+additionnel\s+ainsi\s+r[ée]dig[ée]/i.test(l))
  const body = at >= 0 ? lines.slice(at + 1) : lines
  return body
    .map(l => normaliseAlinea(l.replace(/^[«"“]\s*/u, '').replace(/\s*[»"”]\s*\.?\s*$/u, '')))
    .filter(l => l.length > 0)
}

/** Why a dispositif does not apply to a base text, or the text it gives. */
function applied (dispositif: string[], base: string[]): { alineas: string[] } | { reason: string } {
  try {
    const alineas = applyWording(parseWording(dispositif.join('\n'), 'fr'), base).map(normaliseAlinea)
    if (sameText(alineas, base)) return { reason: 'its dispositif changes nothing in the article\'s current text' }
    return { alineas }
  } catch (err) {
    return { reason: `its dispositif could not be applied: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/** The English wording of an applied official amendment (the French original when it cannot be worded). */
function englishOf (diff: ArticleDiff, verbatim: string): string {
  try {
    return wording(diff, 'en')
  } catch {
    return verbatim
  }
}

/** Imports a parliament's amendments into a published bill (its editors, staff, admins); the report lists every amendment of the file. */
export async function importAmendments (ctx: Ctx, actor: Actor, billId: string, body: ImportAmendmentsBody): Promise<ImportReportView> {
  if (!actor) throw new Unauthenticated()
  const bill = await ctx.store.getBill(billId)
  if (!bill || !canSee(bill, actor)) throw new NotFound('bill')
  if (!isEditor(bill, actor) && actor.role !== 'staff') throw new Forbidden('only the bill\'s editors, staff and admins may import amendments')
  if (bill.revision === 0) throw new RuleBroken('not_published', 'publish the bill before importing amendments: they apply to a published revision')
  const data = decodeImportData(body)
  if (data.length > IMPORT_LIMITS.data) throw new TooLarge(`the file is ${data.length} characters long; at most ${IMPORT_LIMITS.data}`)
  let official: OfficialAmendment[]
  try {
    official = body.format === 'an-xml' ? readAnXml(data) : readSenatCsv(data)
  } catch (err) {
    if (err instanceof UnreadableFile) throw new RuleBroken('unreadable_file', `the ${body.format} file cannot be read: ${err.message}`, { format: body.format, where: err.where })
    throw err
  }
  if (official.length > IMPORT_LIMITS.amendments) throw new TooLarge(`the file holds ${official.length} amendments; at most ${IMPORT_LIMITS.amendments} at once`)

  const articles = await ctx.store.listArticles(bill.id)
  const byNum = new Map<string, ArticleRecord>()
  for (const a of articles) byNum.set(normaliseArticleNum(a.num) ?? a.num, a)
  const t = ctx.now().toISOString()
  const records: AmendmentRecord[] = []
  const notImported: ImportReportView['notImported'] = []
  for (const o of official) {
    if (o.dispositif.length === 0 && !o.subdivision) {
      notImported.push({ number: o.number, reason: 'it has neither subdivision nor dispositif (withdrawn before the sitting)' })
      continue
    }
    if (o.parent !== null) {
      notImported.push({ number: o.number, reason: `it is a sub-amendment of amendment ${o.parent}: it amends an amendment, not the bill` })
      continue
    }
    const place = placeOf(o)
    const article = place.num !== null ? byNum.get(place.num) : undefined
    if (!article) {
      notImported.push({ number: o.number, reason: `its subdivision « ${o.subdivision || 'none'} » matches no article of the bill` })
      continue
    }
    if (o.dispositif.length === 0) {
      notImported.push({ number: o.number, reason: 'it has no dispositif (withdrawn, or not yet published)' })
      continue
    }
    const verbatim = o.dispositif.join('\n')
    const common = {
      ...newProposal(bill.id, article.id, actor.id, t),
      baseRevision: article.revision,
      baseAlineas: article.alineas,
      baseHash: article.hash,
      explanation: o.explanation || 'Exposé sommaire non publié.',
      heading: null,
      origin: { chamber: o.chamber, number: o.number, authors: o.authors, url: o.url, dispositif: verbatim }
    }
    if (place.additional) {
      const alineas = additionText(place.dispositif)
      const described = describeAddition(place.additional, article.num, alineas, null)
      records.push({
        ...common, kind: 'addArticle', position: place.additional, alineas,
        diff: described.diff, wording: { fr: verbatim, en: described.wording.en },
        applies: alineas.length > 0, appliesReason: alineas.length > 0 ? null : 'the new article\'s text could not be read from its dispositif'
      })
      continue
    }
    const result = applied(place.dispositif, article.alineas)
    const alineas = 'alineas' in result ? result.alineas : article.alineas
    const diff = diffArticle(article.alineas, alineas)
    records.push({
      ...common, kind: 'article', position: null, alineas,
      diff, wording: { fr: verbatim, en: 'alineas' in result ? englishOf(diff, verbatim) : verbatim },
      applies: 'alineas' in result, appliesReason: 'reason' in result ? result.reason : null
    })
  }
  const numbers = await ctx.store.createAmendments(records)
  records.forEach((r, i) => { r.number = numbers[i] })
  ctx.log.info({ billId: bill.id, format: body.format, imported: records.length, notImported: notImported.length, by: actor.id }, 'official amendments imported')
  for (const r of records) ctx.events.emit('amendment:created', { billId: bill.id, articleId: r.articleId, amendmentId: r.id, number: r.number })
  return {
    imported: records.map(r => ({
      amendmentId: r.id,
      number: r.origin!.number,
      amendmentNumber: r.number,
      applies: r.applies,
      ...(r.appliesReason ? { reason: r.appliesReason } : {})
    })),
    notImported
  }
}
