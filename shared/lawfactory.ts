/**
 * Bills from the-law-factory (regardscitoyens/the-law-factory-parser), the
 * open data of the French parliament's bills, step by step. A text is
 * `{ titre, articles: [...], sections: [...] }`: each article has `titre`
 * (its number, "1er", "2 bis"), `alineas` ({"001": text, ...}, in key
 * order), `order`, `statut` ("none", "supprimé", "supprimés", "conforme")
 * and maybe `section` (the id of its division, e.g. "T1C2": titre 1,
 * chapitre 2); `sections` lists those divisions (`id`, `titre`,
 * `type_section`). Newer outputs put `{ type: "section" }` entries inline
 * among the articles, in order, and may be a bare array of entries; both are
 * read. Deleted articles without text are skipped.
 */

import { newId } from './ids.ts'
import { normaliseArticleNum } from './numbering.ts'
import { TextError, normaliseAlinea, validateBlocks } from './text.ts'
import type { BillBlock } from './types.ts'

interface Section { id: string; titre: string | null; typeSection: string | null }

type Entry =
  | { kind: 'article'; num: string; alineas: string[]; deleted: boolean; order: number | null; section: string | null; index: number }
  | { kind: 'section'; section: Section }

function isRecord (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function invalid (message: string, details: Record<string, unknown> = {}): TextError {
  return new TextError(`Not a the-law-factory text: ${message}.`, { code: 'invalid_format', ...details })
}

function optionalString (entry: Record<string, unknown>, key: string, where: string): string | null {
  const value = entry[key]
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw invalid(`${where}: "${key}" must be a string`)
  return value
}

// "(Supprimé)", "(Censuré)" and the like stand for an article's absence, not its text.
const PLACEHOLDER = /^\(?\s*(supprimée?s?|censurée?s?)\s*\)?\.?$/i

function readAlineas (value: unknown, where: string): string[] {
  if (value === undefined) return []
  if (!isRecord(value)) throw invalid(`${where}: "alineas" must be an object of strings`)
  const keys = Object.keys(value)
  const numeric = keys.every(k => /^\d+$/.test(k))
  keys.sort((a, b) => numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0)
  return keys.map(key => {
    const text = value[key]
    if (typeof text !== 'string') throw invalid(`${where}: alinéa "${key}" must be a string`)
    return normaliseAlinea(text)
  }).filter(Boolean)
}

function readSection (entry: Record<string, unknown>, where: string): Section {
  const id = entry.id
  if (typeof id !== 'string' || !id) throw invalid(`${where}: a section needs a string "id"`)
  return { id, titre: optionalString(entry, 'titre', where), typeSection: optionalString(entry, 'type_section', where) }
}

// Entries the parser writes besides articles and sections, with no text of the bill.
const IGNORED = new Set(['texte', 'dots', 'echec', 'annexe'])

function readEntry (value: unknown, index: number): Entry | null {
  const where = `articles[${index}]`
  if (!isRecord(value)) throw invalid(`${where} is not an object`, { index })
  const type = value.type ?? 'article'
  if (typeof type !== 'string') throw invalid(`${where}: "type" must be a string`, { index })
  if (IGNORED.has(type)) return null
  if (type === 'section') return { kind: 'section', section: readSection(value, where) }
  if (type !== 'article') throw invalid(`${where} has unknown type "${type}"`, { index })
  const titre = value.titre
  if (typeof titre !== 'string' || !titre.trim()) throw invalid(`${where}: an article needs its number in "titre"`, { index })
  const order = value.order
  if (order !== undefined && (typeof order !== 'number' || !Number.isFinite(order))) throw invalid(`${where}: "order" must be a number`, { index })
  const statut = optionalString(value, 'statut', where) ?? ''
  const alineas = readAlineas(value.alineas, where)
  const text = alineas.filter(a => !PLACEHOLDER.test(a))
  return {
    kind: 'article',
    num: normaliseArticleNum(titre) ?? normaliseAlinea(titre),
    alineas,
    deleted: /^suppr/i.test(statut.trim()) && text.length === 0,
    order: order ?? null,
    section: optionalString(value, 'section', where),
    index
  }
}

/** Segments of a section id: "T1C2S1SS3" is T1, C2, S1, SS3; "TL" is titre préliminaire. */
function segments (id: string): string[] {
  return id.match(/(?:SS|[A-Z])(?:L|[^A-Z]+)/g) ?? [id]
}

const LABELS: Record<string, string> = {
  titre: 'Titre', chapitre: 'Chapitre', section: 'Section', 'sous-section': 'Sous-section',
  partie: 'Partie', livre: 'Livre', volume: 'Volume', tome: 'Tome'
}
const LETTERS: Record<string, string> = { T: 'titre', C: 'chapitre', S: 'section', SS: 'sous-section', L: 'livre', P: 'partie', V: 'volume' }
const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]

function roman (n: number): string {
  let out = ''
  for (const [value, letters] of ROMAN) while (n >= value) { out += letters; n -= value }
  return out
}

/**
 * The printed title of a division: "Titre Ier – Définir ...", "Chapitre II –
 * ...", "Section 1 – ...", rebuilt from the type, the id's last segment (the
 * parser stores numbers in arabic figures) and the section's own title.
 */
function sectionTitle (section: Section): string {
  const last = segments(section.id).pop() ?? ''
  const letter = /^(SS|[A-Z])/.exec(last)?.[1] ?? ''
  const type = (section.typeSection ?? LETTERS[letter] ?? '').toLowerCase()
  const label = LABELS[type]
  const raw = last.slice(letter.length).trim()
  let num = raw
  const m = /^(\d+)(.*)$/.exec(raw)
  if (raw === 'L') num = 'préliminaire'
  else if (m && (type === 'titre' || type === 'chapitre' || type === 'livre' || type === 'partie')) {
    num = (m[1] === '1' ? 'Ier' : roman(Number(m[1]))) + m[2]!
  }
  const head = label && num ? `${label} ${num}` : ''
  const titre = normaliseAlinea(section.titre ?? '')
  return [head, titre].filter(Boolean).join(' – ') || section.id
}

function divisionBlock (section: Section): BillBlock {
  const level = Math.min(4, Math.max(1, segments(section.id).length)) as 1 | 2 | 3 | 4
  return { kind: 'division', id: newId('div'), level, title: sectionTitle(section) }
}

function entriesOf (json: unknown): { entries: unknown[]; sections: unknown[] } {
  if (Array.isArray(json)) return { entries: json, sections: [] }
  if (!isRecord(json)) throw invalid('expected an object with an "articles" array')
  if (!Array.isArray(json.articles)) throw invalid('expected an "articles" array')
  if (json.sections !== undefined && !Array.isArray(json.sections)) throw invalid('"sections" must be an array')
  return { entries: json.articles, sections: json.sections ?? [] }
}

/**
 * Read a the-law-factory text (an object with `articles` and `sections`, or a
 * bare array of entries) into blocks: articles with fresh ids, their alinéas
 * in key order and normalised, deleted articles without text skipped, and
 * divisions for the sections the articles belong to (level = depth of the
 * section id, clamped to 1..4). Throws `TextError` for anything else.
 */
export function lawFactoryToBlocks (json: unknown): BillBlock[] {
  const { entries: raw, sections: rawSections } = entriesOf(json)
  const entries = raw.map(readEntry).filter((e): e is Entry => e !== null)
  const known = new Map<string, Section>()
  rawSections.forEach((s, i) => {
    if (!isRecord(s)) throw invalid(`sections[${i}] is not an object`)
    const section = readSection(s, `sections[${i}]`)
    known.set(section.id, section)
  })
  const inline = entries.some(e => e.kind === 'section')
  // The older layout lists articles apart from sections: order them by `order`.
  if (!inline && entries.every(e => e.kind === 'article' && e.order !== null)) {
    entries.sort((a, b) => a.kind === 'article' && b.kind === 'article' ? a.order! - b.order! || a.index - b.index : 0)
  }
  const blocks: BillBlock[] = []
  const emitted = new Set<string>()
  for (const entry of entries) {
    if (entry.kind === 'section') {
      if (!emitted.has(entry.section.id)) blocks.push(divisionBlock(entry.section))
      emitted.add(entry.section.id)
      continue
    }
    if (entry.deleted) continue
    if (!inline && entry.section) {
      // Open the article's section and its ancestors, outermost first.
      const parts = segments(entry.section)
      for (let k = 1; k <= parts.length; k++) {
        const id = parts.slice(0, k).join('')
        const section = known.get(id)
        if (section && !emitted.has(id)) {
          blocks.push(divisionBlock(section))
          emitted.add(id)
        }
      }
    }
    blocks.push({ kind: 'article', id: newId('art'), num: entry.num, heading: null, alineas: entry.alineas })
  }
  validateBlocks(blocks)
  return blocks
}

/**
 * The title of a the-law-factory text (its `titre`, normalised, e.g. "N°
 * 3991 - Proposition de loi ... relative à ..."), or null when absent.
 */
export function lawFactoryTitle (json: unknown): string | null {
  const texte = Array.isArray(json) ? json.find(e => isRecord(e) && e.type === 'texte') : json
  if (!isRecord(texte) || typeof texte.titre !== 'string') return null
  return normaliseAlinea(texte.titre) || null
}
