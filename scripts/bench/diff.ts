/**
 * Amendment diff and wording speed: `diffArticle` + `wording(…, 'fr')` on a
 * 5,000-word French article (20 alinéas) with 50 scattered changes, against
 * jsdiff's plain `diffWords` on the same two texts (alinéas joined by line
 * breaks) as the baseline, measured in the same run. Warms up, then times each
 * side `--runs` times, interleaved, and prints median and p95 in ms and the
 * ratio. Targets: median under 20 ms, and at most 3x the baseline.
 *
 *   npx tsx scripts/bench/diff.ts [--runs 30] [--words 5000] [--changes 50] [--alineas 20]
 */
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { diffWords } from 'diff'
import { diffArticle } from '../../shared/diff.ts'
import { applyWording, parseWording, wording } from '../../shared/wording.ts'
import { seeded } from '../../test/helpers/random.ts'

const { values } = parseArgs({ options: {
  runs: { type: 'string', default: '30' },
  words: { type: 'string', default: '5000' },
  changes: { type: 'string', default: '50' },
  alineas: { type: 'string', default: '20' }
} })
const runs = Number(values.runs)
const nWords = Number(values.words)
const nChanges = Number(values.changes)
const nAlineas = Number(values.alineas)

/** Seeded, so every run benches the same texts. */
const random = seeded(42)
const pick = random.pick

const VOCAB = ("le la les de des du et ou à au aux en un une dans pour par sur qui que dont est sont peut doivent " +
  "président employeur négociation préalable grève salariés organisations syndicales représentatives accord-cadre " +
  "délai jours notification entreprise établissement procédure conditions modalités informations relevé conclusions " +
  "décret Conseil d'État l'employeur l'exercice d'établissement mentionnées présent chapitre article code travail " +
  "transports aérien passagers sûreté aéroportuaire maintenance aéronefs préjudice dispositions œuvre être réunir").split(' ')
const PUNCT = [',', ',', ' ;', ' :', '.']

/** A French article of `nWords` words in `nAlineas` alinéas, with punctuation. */
function article (): string[][] {
  const per = Math.ceil(nWords / nAlineas)
  return Array.from({ length: nAlineas }, (_, i) => {
    const words = [`${i + 1}°`]
    for (let w = 1; w < per; w++) words.push(pick(VOCAB) + (random() < 0.08 ? pick(PUNCT) : ''))
    words[words.length - 1] += '.'
    return words
  })
}

/** The same article with `nChanges` word changes (replace, insert, delete) spread over it. */
function amend (base: string[][]): string[][] {
  const out = base.map(a => [...a])
  const total = out.reduce((n, a) => n + a.length, 0)
  for (let c = 0; c < nChanges; c++) {
    const at = Math.floor(((c + random()) / nChanges) * total)
    let a = 0
    let w = at
    while (w >= out[a].length - 1) { w -= out[a].length; a = (a + 1) % out.length; if (w < 0) w = 1 }
    w = Math.max(1, w)
    const kind = c % 3
    if (kind === 0) out[a][w] = pick(VOCAB)
    else if (kind === 1) out[a].splice(w, 0, pick(VOCAB))
    else if (out[a].length > 3) out[a].splice(w, 1)
  }
  return out
}

const basePieces = article()
const base = basePieces.map(a => a.join(' '))
const proposed = amend(basePieces).map(a => a.join(' '))
const baseText = base.join('\n')
const proposedText = proposed.join('\n')

// Sanity: the wording round-trips on the benched texts.
const text = wording(diffArticle(base, proposed), 'fr')
const back = applyWording(parseWording(text, 'fr'), base)
if (JSON.stringify(back) !== JSON.stringify(proposed)) throw new Error('the wording does not round-trip on the bench texts')

const ours = (): unknown => wording(diffArticle(base, proposed), 'fr')
const baseline = (): unknown => diffWords(baseText, proposedText)

function time (f: () => unknown): number {
  const t = performance.now()
  f()
  return performance.now() - t
}

for (let i = 0; i < 5; i++) { ours(); baseline() }
const tOurs: number[] = []
const tBase: number[] = []
for (let i = 0; i < runs; i++) {
  tBase.push(time(baseline))
  tOurs.push(time(ours))
}

function quantile (xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
}

const words = baseText.split(/\s+/).length
const ops = parseWording(text, 'fr').length
const rows = [
  ['diffArticle + wording (fr)', quantile(tOurs, 0.5), quantile(tOurs, 0.95)],
  ['baseline: jsdiff diffWords', quantile(tBase, 0.5), quantile(tBase, 0.95)]
] as const
console.log(`article: ${words} words in ${base.length} alinéas, ${nChanges} changes; wording: ${ops} operations, ${text.length} characters; ${runs} runs after warm-up`)
console.log('| what | median ms | p95 ms |')
console.log('|---|---:|---:|')
for (const [what, med, p95] of rows) console.log(`| ${what} | ${med.toFixed(2)} | ${p95.toFixed(2)} |`)
const ratio = rows[0][1] / rows[1][1]
const ratio95 = rows[0][2] / rows[1][2]
console.log(`| ratio (ours / baseline) | ${ratio.toFixed(2)}x | ${ratio95.toFixed(2)}x |`)
const ok = rows[0][1] < 20 && ratio <= 3
console.log(ok ? 'targets met: median < 20 ms and <= 3x the baseline' : 'TARGETS MISSED: median < 20 ms and <= 3x the baseline')
process.exitCode = ok ? 0 : 1
