/**
 * Import of official amendments: a generated Sénat « jeu complet » CSV of
 * 2,000 amendments (Latin-1, tab-separated, HTML dispositifs built from the
 * phrases of the fixture test/fixtures/amendments/senat-commission-2013-2014-310.csv:
 * deletions of alinéas, « Alinéa N » / « Supprimer cet alinéa », word
 * substitutions, « Après l'article N » / « Insérer un article additionnel
 * ainsi rédigé : » for about three in ten, and the fixture's own dispositifs)
 * into a published 300-article bill, through the domain use case (read,
 * match, parse and apply, one store transaction) on a fresh SQLite file.
 *
 * Baselines measured in the same run: reading the CSV alone (no matching,
 * parsing or storing), and storing the same number of ready amendment
 * records in one batch (`createAmendments`). Targets: the import under 10 s,
 * RSS under 400 MB (sampled every 10 ms during the import).
 *
 *   npx tsx scripts/bench/import.ts [--amendments 2000] [--articles 300]
 */
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { loadConfig } from '../../server/config.ts'
import { createApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/index.ts'
import { register } from '../../server/domain/accounts.ts'
import { createBill, publishBill } from '../../server/domain/bills.ts'
import { importAmendments } from '../../server/domain/amendment-import.ts'
import { readSenatCsv } from '../../server/domain/official/senat-csv.ts'
import { ARTICLE_AMENDMENT } from '../../server/store/store.ts'
import { diffArticle } from '../../shared/diff.ts'
import { newId } from '../../shared/ids.ts'
import { seeded } from '../../test/helpers/random.ts'
import { fixtureText } from '../../test/helpers/fixtures.ts'

const { values } = parseArgs({ options: { amendments: { type: 'string', default: '2000' }, articles: { type: 'string', default: '300' } } })
const N = Number(values.amendments)
const ARTICLES = Number(values.articles)
const ALINEAS = 12

/** Seeded, so every run imports the same file. */
const random = seeded(7)
const int = random.int
const numOf = (i: number): string => i === 1 ? '1er' : String(i)
const esc = (s: string): string => s.replace(/[^\x20-\x7e]/g, c => `&#${c.codePointAt(0)};`)

const alinea = (a: number, k: number): string =>
  `L'objectif de modération de l'exposition du public aux champs électromagnétiques est fixé pour l'article ${a}, alinéa ${k}, par l'autorité compétente.`

// The fixture's own dispositifs, as printed (HTML), reused verbatim for one amendment in five.
const fixture = readSenatCsv(fixtureText('amendments/senat-commission-2013-2014-310.csv', 'latin1'))
  .filter(o => o.dispositif.length > 0).map(o => o.dispositif.map(l => `<p>${esc(l)}</p>`).join(''))

/** One generated line: subdivision, alinéa and dispositif (HTML) as the Sénat prints them. */
function line (i: number): string {
  const a = 1 + int(ARTICLES)
  const k = 1 + int(ALINEAS)
  const r = random()
  let subdivision = `Article ${numOf(a)}`
  let dispositif: string
  if (r < 0.3) {
    subdivision = `Article additionnel après Article ${numOf(a)}`
    dispositif = `<p>Après l'article ${numOf(a)}</p><p>Insérer un article additionnel ainsi rédigé :</p><p>« Les exploitants publient chaque année un rapport sur l'exposition du public, amendement ${i}. »</p>`
  } else if (r < 0.5) {
    dispositif = `<p>Supprimer l'alinéa ${k}.</p>`
  } else if (r < 0.65) {
    dispositif = `<p>Alinéa ${k}</p><p>Supprimer cet alinéa</p>`
  } else if (r < 0.8) {
    dispositif = `<p>A l'alinéa ${k}, substituer au mot :</p><p>"modération"</p><p>le mot :</p><p>"maîtrise".</p>`
  } else {
    dispositif = fixture[int(fixture.length)]
  }
  const objet = `<p>Le présent amendement ${i} précise la rédaction de l'article ${numOf(a)}.</p>`
  return ['Amt', `COM-${i}`, subdivision, String(k), 'M. AUTEUR', 'Groupe', '2014-06-06', esc(dispositif), esc(objet), 'Non soutenu',
    `//www.senat.fr/amendements/commissions/2013-2014/310/Amdt_COM-${i}.html`, '/'].join('\t')
}

const header = 'Nature \tNuméro \tSubdivision \tAlinéa\tAuteur \tAu nom de \tDate de dépôt \tDispositif \tObjet \tSort \tUrl amendement \tFiche Sénateur'
const csv = Buffer.from(['sep=\t', header, ...Array.from({ length: N }, (_, i) => line(i + 1))].join('\n'), 'latin1')

const dir = mkdtempSync(join(tmpdir(), 'alinea-bench-import-'))
const config = loadConfig({}, { dbFile: join(dir, 'alinea.db'), ipLimits: false, contributionsPerMinute: 0, amendmentsPerArticlePerHour: 0, logLevel: 'silent', demo: false, clientDir: join(dir, 'none') })
const app = createApp(config, openSqliteStore(config.dbFile), { log: pino({ level: 'silent' }) })
const ctx = app.ctx
try {
  const admin = await register(ctx, { email: 'bench@example.org', password: 'correct horse battery', displayName: 'Bench' }, 'admin')
  const articles = Array.from({ length: ARTICLES }, (_, i) => ({ num: numOf(i + 1), alineas: Array.from({ length: ALINEAS }, (_, k) => alinea(i + 1, k + 1)) }))
  const draft = await createBill(ctx, admin, { title: 'Banc d\'essai', articles })
  const bill = await publishBill(ctx, admin, draft.id, { closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString() })

  // Baseline 1: reading the CSV alone.
  const text = new TextDecoder('latin1').decode(csv)
  let t = performance.now()
  const read = readSenatCsv(text)
  const readMs = performance.now() - t

  // Baseline 2: storing as many ready records in one batch (another bill, so numbers do not mix).
  const other = await createBill(ctx, admin, { title: 'Banc d\'essai (base)', articles: articles.slice(0, 1) })
  const otherBill = await publishBill(ctx, admin, other.id, { closesAt: bill.closesAt! })
  const otherArticle = (await ctx.store.listArticles(otherBill.id))[0]
  const records = read.map(() => ({
    ...ARTICLE_AMENDMENT, id: newId('amd'), billId: otherBill.id, articleId: otherArticle.id, authorId: admin.id, baseRevision: 1,
    baseAlineas: otherArticle.alineas, baseHash: otherArticle.hash, alineas: otherArticle.alineas.slice(1), explanation: 'Base.',
    status: 'proposed' as const, diff: diffArticle(otherArticle.alineas, otherArticle.alineas.slice(1)), wording: { fr: 'x', en: 'x' },
    decision: null, decidedSeq: null, shuffle: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString()
  }))
  t = performance.now()
  await ctx.store.createAmendments(records)
  const storeMs = performance.now() - t

  // The import, with RSS sampled.
  let rss = process.memoryUsage().rss
  const sampler = setInterval(() => { rss = Math.max(rss, process.memoryUsage().rss) }, 10)
  t = performance.now()
  const report = await importAmendments(ctx, admin, bill.id, { format: 'senat-csv', dataBase64: csv.toString('base64') })
  const importMs = performance.now() - t
  clearInterval(sampler)
  rss = Math.max(rss, process.memoryUsage().rss)

  const applied = report.imported.filter(i => i.applies).length
  const added = (await ctx.store.listAmendments({ billId: bill.id }, { sort: 'recent', kind: 'addArticle', limit: 1 })).items.length
  console.log(`file: ${N} amendments, ${(csv.length / 1e6).toFixed(2)} MB (Latin-1); bill: ${ARTICLES} articles of ${ALINEAS} alinéas`)
  console.log(`report: ${report.imported.length} imported (${applied} applied, ${report.imported.length - applied} with applies:false), ${report.notImported.length} not imported${added ? '' : ' (no additional article?)'}`)
  console.log('| step | ms | ratio |')
  console.log('|---|---|---|')
  console.log(`| read the CSV only (baseline 1) | ${readMs.toFixed(0)} | 1.0x |`)
  console.log(`| store ${N} ready records in one batch (baseline 2) | ${storeMs.toFixed(0)} | ${(storeMs / readMs).toFixed(1)}x |`)
  console.log(`| import (read, match, parse, apply, store) | ${importMs.toFixed(0)} | ${(importMs / readMs).toFixed(1)}x read, ${(importMs / storeMs).toFixed(1)}x store |`)
  console.log(`peak RSS during the import: ${(rss / 1e6).toFixed(0)} MB (target < 400 MB); import ${importMs < 10_000 ? 'under' : 'OVER'} the 10 s target`)
} finally {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
}
