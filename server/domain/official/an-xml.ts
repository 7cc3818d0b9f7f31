/**
 * The Assemblée nationale's open-data XML of amendments: one `<amendement>`
 * (the per-amendment files, with `numero`, `division`, `dispositif`,
 * `exposeSommaire`, `listeDesSignataires`), or a liasse `<amendements>` of
 * them (the newer schema, in the `referentiel` namespace, with
 * `identifiant/numero`, `pointeurFragmentTexte/division`, `corps/dispositif`
 * and `signataires/texteAffichable`). Elements are found by local name, so
 * both schemas and any namespace read the same.
 */
import { DOMParser, type Element } from '@xmldom/xmldom'
import { htmlToLines, htmlToText, splitAuthors, UnreadableFile, type OfficialAmendment } from './official.ts'

/** The first descendant element named `name` (local name), depth first. */
function find (root: Element, name: string): Element | null {
  const list = root.getElementsByTagNameNS('*', name)
  return list.length ? list[0] as Element : null
}

/** The text of the first descendant named `name` (trimmed), or ''. */
function text (root: Element, ...path: string[]): string {
  let at: Element | null = root
  for (const name of path) {
    at = at ? find(at, name) : null
  }
  return at?.textContent?.trim() ?? ''
}

/** Reads every amendment of an Assemblée XML file; throws `UnreadableFile` when it is not one. */
export function readAnXml (xml: string): OfficialAmendment[] {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) throw new UnreadableFile('document type declarations and entities are not accepted')
  let root: Element | null
  try {
    const parser = new DOMParser({ onError (level, message) { if (level !== 'warning') throw new Error(message) } })
    root = parser.parseFromString(xml, 'text/xml').documentElement
  } catch (err) {
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)
    throw new UnreadableFile(`not well-formed XML: ${reason.split('\n')[0]}`)
  }
  if (!root) throw new UnreadableFile('the file holds no XML element')
  const items = root.localName === 'amendement' ? [root] : [...root.getElementsByTagNameNS('*', 'amendement')] as Element[]
  if (items.length === 0) throw new UnreadableFile(`no <amendement> in this file (its root element is <${root.localName}>)`)
  const read = items.map((el, i) => ({ uid: text(el, 'uid'), amendment: readOne(el, i) }))
  // A liasse names a sub-amendment's parent by its uid: print its number instead.
  const numberOf = new Map(read.filter(r => r.uid).map(r => [r.uid, r.amendment.number]))
  return read.map(({ amendment: a }) => a.parent !== null && numberOf.has(a.parent) ? { ...a, parent: numberOf.get(a.parent)! } : a)
}

/** One `<amendement>`. */
function readOne (el: Element, index: number): OfficialAmendment {
  const identifiant = find(el, 'identifiant')
  const number = text(el, 'numeroLong') || (identifiant ? text(identifiant, 'numero') : '') || text(el, 'numero') || `#${index + 1}`
  const division = find(el, 'division')
  const titre = division ? text(division, 'titre') : ''
  const side = division ? (text(division, 'avantApres') || text(division, 'avant_A_Apres')) : ''
  const additionalFlag = division ? text(division, 'articleAdditionnel') : ''
  const rattache = division ? (text(division, 'divisionRattache') || text(division, 'divisionRattachee')) : ''
  const dispositif = htmlToLines(text(el, 'dispositif'))
  // The flag says it; without it, « APRÈS L'ARTICLE 43 » with a dispositif that operates on an article is not one (it happens).
  const operates = /^(supprimer|r[ée]diger|compl[ée]ter|[àa] l['’]alin[ée]a|apr[eè]s l['’]alin[ée]a|au d[ée]but)/i.test(dispositif[0] ?? '')
  let additional: OfficialAmendment['additional'] = null
  if (additionalFlag === '1' || (additionalFlag === '' && /^(APR[EÈ]S|AVANT)\b/i.test(rattache) && !operates)) {
    additional = /^av/i.test(side) || /^AVANT/i.test(rattache) ? 'before' : 'after'
  }
  const parent = text(el, 'numeroParent') || (find(el, 'amendementParent') ? text(el, 'amendementParent') : '')
  const explanation = htmlToText(text(el, 'exposeSommaire'))
  const authorsText = text(el, 'listeDesSignataires') || text(el, 'signataires', 'texteAffichable')
  const url = text(el, 'urlDivisionTexteVise')
  return {
    chamber: 'an',
    number,
    subdivision: titre,
    additional,
    authors: splitAuthors(authorsText),
    url: url ? `https://www.assemblee-nationale.fr${url.startsWith('/') ? '' : '/'}${url}` : null,
    dispositif,
    explanation,
    parent: parent || null
  }
}
