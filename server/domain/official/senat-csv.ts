/**
 * The Sénat's « jeu complet » of amendments: tab-separated text, an optional
 * first line `sep=<tab>`, then a header (Nature, Numéro, Subdivision,
 * Alinéa, Auteur, Au nom de, Date de dépôt, Dispositif, Objet, Sort, Url
 * amendement, Fiche Sénateur) and one amendment per line, its dispositif
 * and objet as HTML. Columns are found by their header, so their order may
 * change. A line withdrawn before the sitting has an empty dispositif.
 */
import { htmlToLines, htmlToText, UnreadableFile, type OfficialAmendment } from './official.ts'

/** A header cell, normalised for matching: lower case, no accents, no spaces. */
function key (cell: string): string {
  return cell.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, '')
}

const COLUMNS = { number: 'numero', subdivision: 'subdivision', author: 'auteur', dispositif: 'dispositif', objet: 'objet', url: 'urlamendement' } as const

/** Reads every amendment of a Sénat CSV; throws `UnreadableFile` (with the line) when it is not one. */
export function readSenatCsv (data: string): OfficialAmendment[] {
  const lines = data.replace(/^\uFEFF/, '').split(/\r?\n/)
  let at = 0
  if (/^sep=/i.test(lines[0] ?? '')) at = 1
  const header = (lines[at] ?? '').split('\t').map(key)
  const col: Record<keyof typeof COLUMNS, number> = { number: -1, subdivision: -1, author: -1, dispositif: -1, objet: -1, url: -1 }
  for (const [name, label] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) col[name] = header.indexOf(label)
  const missing = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter(k => k !== 'url' && k !== 'objet' && col[k] < 0)
  if (missing.length) {
    throw new UnreadableFile(`not a Sénat amendments file: the header (line ${at + 1}) has no column ${missing.map(m => `« ${m} »`).join(', ')}; expected tab-separated columns Numéro, Subdivision, Auteur, Dispositif, Objet`, `line ${at + 1}`)
  }
  const out: OfficialAmendment[] = []
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]
    if (!line.trim()) continue
    const cells = line.split('\t')
    const cell = (c: number): string => (c >= 0 ? cells[c] ?? '' : '').trim()
    const number = cell(col.number) || `line ${i + 1}`
    const subdivision = cell(col.subdivision)
    // A stray tab inside a cell shifts the last columns: find the amendment's page by its address.
    const url = cells.find(c => /senat\.fr\/amendements\//.test(c))?.trim() ?? (cell(col.url) || null)
    const dispositif = htmlToLines(cell(col.dispositif))
    const m = /^article\s+additionnel\s+(apr[eè]s|avant)\s+(?:l'|l’)?article\s+(.+)$/i.exec(subdivision)
    out.push({
      chamber: 'senat',
      number,
      subdivision: m ? `Article ${m[2]}` : subdivision,
      additional: m ? (/^av/i.test(m[1]) ? 'before' : 'after') : null,
      authors: cell(col.author) ? [cell(col.author)] : [],
      url: url ? (url.startsWith('//') ? `https:${url}` : url) : null,
      dispositif,
      explanation: htmlToText(cell(col.objet)),
      parent: null
    })
  }
  if (out.length === 0) throw new UnreadableFile('the file has a header but no amendment', `line ${at + 2}`)
  return out
}
