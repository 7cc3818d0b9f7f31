/**
 * Dispositif reading speed: `parseWording` + `applyWording` of every dispositif
 * of the fixtures (the Sénat's « jeu complet » CSV and the Assemblée's XML), per
 * dispositif, against `tokenize` of the same text as the baseline, measured in
 * the same run. Each dispositif is applied to a base article made for it (its
 * quoted passages placed in the alinéas it names, five sentences each), so the
 * apply time is that of a real lookup. Prints the median and p95 per dispositif
 * in microseconds and the ratio of the medians.
 *
 *   npx tsx scripts/bench/wording.ts [--runs 200]
 */
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { applyWording, parseWording, type WordingOp } from '../../shared/wording.ts'
import { tokenize } from '../../shared/tokens.ts'
import { assembleeDispositifs, senatDispositifs } from '../../test/helpers/dispositifs.ts'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' } } })
const runs = Number(values.runs)

/** A base article where the operations of `ops` can apply: their passages in the alinéas they name. */
function baseFor (ops: WordingOp[]): string[] {
  let n = 3
  const extra = new Map<number, string[]>()
  const put = (a: number, text: string): void => { extra.set(a, [...(extra.get(a) ?? []), text]) }
  for (const op of ops) {
    const o = op as Record<string, unknown>
    for (const k of ['alinea', 'to', 'after', 'from']) if (typeof o[k] === 'number') n = Math.max(n, o[k] as number)
    const a = typeof o.alinea === 'number' && o.alinea > 0 ? o.alinea : 1
    for (const k of ['words', 'after', 'before']) if (typeof o[k] === 'string' && op.op !== 'appendWords' && op.op !== 'prependWords' && !(k === 'words' && op.op === 'insertWords')) put(a, o[k] as string)
  }
  return Array.from({ length: n }, (_, i) => {
    const passages = (extra.get(i + 1) ?? []).join(' et ')
    return `Première phrase de l'alinéa ${i + 1} ${passages} ici. Deuxième phrase. Troisième phrase. Quatrième phrase. Cinquième phrase.`
  })
}

const all = [...senatDispositifs(), ...assembleeDispositifs()]
const cases: { text: string; base: string[] | null }[] = []
let readable = 0
let applicable = 0
for (const d of all) {
  try {
    const ops = parseWording(d.text, 'fr')
    readable++
    const base = baseFor(ops)
    try { applyWording(ops, base); applicable++; cases.push({ text: d.text, base }) } catch { cases.push({ text: d.text, base: null }) }
  } catch { cases.push({ text: d.text, base: null }) }
}

function time (f: (c: { text: string; base: string[] | null }) => unknown): number[] {
  const out: number[] = []
  for (const c of cases) {
    const t0 = performance.now()
    f(c)
    out.push((performance.now() - t0) * 1000)
  }
  return out
}
const wordingRun = (c: { text: string; base: string[] | null }): unknown => {
  try {
    const ops = parseWording(c.text, 'fr')
    return c.base === null ? ops : applyWording(ops, c.base)
  } catch (err) { return err }
}
const tokenRun = (c: { text: string }): unknown => tokenize(c.text)

// Warm up, then interleave the two sides run by run.
for (let i = 0; i < 20; i++) { time(wordingRun); time(tokenRun) }
const w: number[] = []
const t: number[] = []
for (let i = 0; i < runs; i++) { w.push(...time(wordingRun)); t.push(...time(tokenRun)) }
const q = (xs: number[], p: number): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] }
const mw = q(w, 0.5)
const mt = q(t, 0.5)
console.log(`dispositifs: ${all.length} (read ${readable}, applied to a made-up base ${applicable}); ${runs} runs each`)
console.log(`parse + apply: median ${mw.toFixed(1)} µs, p95 ${q(w, 0.95).toFixed(1)} µs per dispositif`)
console.log(`tokenize (baseline): median ${mt.toFixed(1)} µs, p95 ${q(t, 0.95).toFixed(1)} µs per dispositif`)
console.log(`ratio of medians: ${(mw / mt).toFixed(1)}x`)
