/**
 * The one way tests (and benchmarks) read the files of test/fixtures/ (real
 * bills, amendments and Akoma Ntoso documents; PROVENANCE.md says where each
 * comes from): by their path relative to that folder.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = new URL('../fixtures/', import.meta.url)

/** The absolute path of a fixture, e.g. `fixturePath('bills/fr-ppl11-290-depot.json')` (for tools that want a path). */
export function fixturePath (relative: string): string {
  return fileURLToPath(new URL(relative, ROOT))
}

/** A fixture's bytes. */
export function fixtureBytes (relative: string): Buffer {
  return readFileSync(new URL(relative, ROOT))
}

/** A fixture's text: UTF-8 unless told (the Sénat's CSV exports are Latin-1). */
export function fixtureText (relative: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return encoding === 'utf8' ? readFileSync(new URL(relative, ROOT), 'utf8') : new TextDecoder(encoding).decode(fixtureBytes(relative))
}

/** A JSON fixture, parsed (typed by the caller: fixtures are data, not checked here). */
export function fixtureJson<T = any> (relative: string): T {
  return JSON.parse(fixtureText(relative)) as T
}

/** The names of the files of a fixture folder ending in `extension` (e.g. '.xml'), sorted. */
export function fixtureFiles (folder: string, extension = ''): string[] {
  return readdirSync(new URL(folder.endsWith('/') ? folder : `${folder}/`, ROOT)).filter(f => f.endsWith(extension)).sort()
}

/**
 * The alinéas of an article of a bill fixture (La Fabrique de la loi's JSON:
 * `articles[]` with `titre` and `alineas` {"001": text, ...}), in key order.
 */
export function fixtureArticle (file: string, titre: string): string[] {
  const bill = fixtureJson<{ articles: { titre: string; alineas: Record<string, string> }[] }>(`bills/${file}`)
  const article = bill.articles.find(a => a.titre === titre)
  if (article === undefined) throw new Error(`No article ${titre} in ${file}`)
  return Object.keys(article.alineas).sort().map(k => article.alineas[k])
}

/**
 * What the Italian Senate's bill (`akn/it-senato-ddl-2013-bill.xml`) holds,
 * article by article, as the Akoma Ntoso import must read it (the parser and
 * the API check the same): numbers, headings and how many alinéas.
 */
export const IT_SENATO_DDL_ARTICLES = {
  nums: ['1', '2', '3', '4', '5', '6'],
  headings: [
    '(Modifiche al sistema elettorale della Camera dei deputati)',
    '(Modifiche al sistema elettorale del Senato della Repubblica)',
    '(Delega al Governo per la determinazione dei collegi uninominali)',
    '(Regolamento di attuazione)',
    '(Disciplina transitoria)',
    '(Entrata in vigore)'
  ],
  alineaCounts: [81, 48, 6, 1, 1, 1]
}
