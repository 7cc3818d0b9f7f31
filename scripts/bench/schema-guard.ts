/**
 * Cost of checking each editor's update against the bill schema, on a bill
 * of A articles: K keystrokes (one Yjs update each, typed by a client into
 * alinéas spread over the bill), and one article added every 50 keystrokes.
 * Three ways, in the same run and the same process:
 *
 * - baseline: apply the update to the server's document (what the server
 *   does for every update anyway);
 * - guard: `SchemaGuard.admit` (apply to the shadow copy, check the changed
 *   types) and then apply to the document, as the collaboration server does;
 * - copy: what the naive check would do, copy the whole document, apply the
 *   update and read it back through the schema (`validDocJSON` + `check`).
 *
 * Prints µs per update (median of `--rounds` rounds) and the ratios to the
 * baseline. Target: the guard costs a small constant factor of the
 * baseline and does not grow with the bill (compare `--articles 30` and 300).
 *
 *   npx tsx scripts/bench/schema-guard.ts [--articles 300 --keys 2000 --rounds 5]
 */
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { FRAGMENT, initialUpdate, workingJSON } from '../../server/domain/documents.ts'
import { SchemaGuard } from '../../server/collab/schema-guard.ts'
import { docToBlocks } from '../../shared/text.ts'
import { validDocJSON } from '../../shared/schema-repair.ts'

const { values } = parseArgs({ options: {
  articles: { type: 'string', default: '300' },
  keys: { type: 'string', default: '2000' },
  rounds: { type: 'string', default: '5' },
  'copy-keys': { type: 'string', default: '100' }
} })
const nArticles = Number(values.articles)
const nKeys = Number(values.keys)
const rounds = Number(values.rounds)
const copyKeys = Math.min(nKeys, Number(values['copy-keys']))

const initial = initialUpdate(Array.from({ length: nArticles }, (_, i) => ({
  kind: 'article' as const,
  id: `art_${i}`,
  num: String(i + 1),
  heading: null,
  alineas: [`I. – Le chapitre ${i + 1} du titre II du livre III du code des transports est complété par un article ainsi rédigé.`, 'II. – Le présent article entre en vigueur le premier jour du troisième mois.']
})))

/** The updates a client sends while typing (and sometimes adding an article). */
function keystrokes (): Uint8Array[] {
  const client = new Y.Doc()
  Y.applyUpdate(client, initial)
  const updates: Uint8Array[] = []
  client.on('update', (u: Uint8Array) => { updates.push(u) })
  const frag = client.getXmlFragment(FRAGMENT)
  for (let k = 0; k < nKeys; k++) {
    if (k % 50 === 49) {
      client.transact(() => {
        const article = new Y.XmlElement('article')
        article.setAttribute('id', `new_${k}`)
        article.setAttribute('num', `${k} bis`)
        const alinea = new Y.XmlElement('alinea')
        alinea.insert(0, [new Y.XmlText('Nouvel article.')])
        article.insert(0, [alinea])
        frag.insert((k * 7) % frag.length, [article])
      })
      continue
    }
    const article = frag.get((k * 13) % frag.length) as Y.XmlElement
    const text = (article.get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(k % text.length, 'x')
  }
  return updates
}

function fresh (): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  Y.applyUpdate(doc, initial)
  return doc
}

function timeBaseline (updates: Uint8Array[]): number {
  const doc = fresh()
  const t0 = performance.now()
  for (const u of updates) Y.applyUpdate(doc, u)
  return (performance.now() - t0) * 1000 / updates.length
}

function timeGuard (updates: Uint8Array[]): number {
  const doc = fresh()
  const guard = new SchemaGuard(doc)
  guard.admit(updates[0], []) // builds the shadow once, as the first update of a loaded room does
  Y.applyUpdate(doc, updates[0])
  const t0 = performance.now()
  for (let i = 1; i < updates.length; i++) {
    const problem = guard.admit(updates[i], [])
    if (problem) throw new Error(`refused a valid update: ${problem}`)
    Y.applyUpdate(doc, updates[i])
  }
  return (performance.now() - t0) * 1000 / (updates.length - 1)
}

function timeCopy (updates: Uint8Array[]): number {
  const doc = fresh()
  const t0 = performance.now()
  for (const u of updates) {
    const copy = new Y.Doc({ gc: true })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(copy, u)
    docToBlocks(validDocJSON(workingJSON(copy)))
    copy.destroy()
    Y.applyUpdate(doc, u)
  }
  return (performance.now() - t0) * 1000 / updates.length
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const updates = keystrokes()
const base: number[] = []
const guarded: number[] = []
const copied: number[] = []
timeBaseline(updates); timeGuard(updates) // warm-up
for (let r = 0; r < rounds; r++) {
  base.push(timeBaseline(updates))
  guarded.push(timeGuard(updates))
  copied.push(timeCopy(updates.slice(0, copyKeys)))
}
const b = median(base)
const g = median(guarded)
const c = median(copied)
console.log(`schema guard bench: ${nArticles}-article bill, ${updates.length} updates (an article added every 50), median of ${rounds} rounds`)
console.log(`baseline (apply only)        ${b.toFixed(1).padStart(8)} µs/update`)
console.log(`guard (shadow + check)       ${g.toFixed(1).padStart(8)} µs/update   ${(g / b).toFixed(2)}x baseline, ${((g - b)).toFixed(1)} µs added`)
console.log(`copy + full check (naive)    ${c.toFixed(1).padStart(8)} µs/update   ${(c / b).toFixed(1)}x baseline (first ${copyKeys} updates)`)
