import assert from 'node:assert/strict'
import fc from 'fast-check'
import { consolidate, type AcceptedAmendment } from '../../shared/merge.ts'

/**
 * Consolidation properties on random articles and amendments. The seed is
 * fixed (override with ALINEA_SEED); fast-check prints it, with the failing
 * path, when a property fails.
 *
 * Articles are made of distinct words (a vocabulary with accents and
 * elisions, numbered) so that where an amendment changed something is never
 * ambiguous. "Disjoint" amendments change words that are separated by at
 * least one word no other amendment touches.
 */
const SEED = Number(process.env.ALINEA_SEED ?? 20240611)
const RUNS = 300

const VOCAB = ['président', 'délai', 'employeur', "l'accord", 'négociation', 'grève', 'salariés', 'représentatives',
  'accord-cadre', 'œuvre', 'État', 'préalable', "d'établissement", 'notifié', 'à', 'où', 'être', 'Conseil']
const PUNCT = ['', '', '', ',', ' :', ' ;', '.']

type Site =
  | { kind: 'replace' | 'delete' | 'insertAfter'; alinea: number; word: number }
  | { kind: 'deleteAlinea'; alinea: number }
  | { kind: 'insertAlinea'; after: number }

interface Plan { base: string[][]; sites: { site: Site; amendment: number }[] }

const siteArb: fc.Arbitrary<Site> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('replace', 'delete', 'insertAfter') as fc.Arbitrary<'replace' | 'delete' | 'insertAfter'>, alinea: fc.nat(), word: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteAlinea' as const), alinea: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertAlinea' as const), after: fc.nat() }) }
)

const planArb: fc.Arbitrary<PlanInput> = fc.record({
  sizes: fc.array(fc.integer({ min: 3, max: 12 }), { minLength: 1, maxLength: 5 }),
  punct: fc.array(fc.constantFrom(...PUNCT), { minLength: 60, maxLength: 60 }),
  amendments: fc.integer({ min: 2, max: 4 }),
  wanted: fc.array(fc.tuple(siteArb, fc.nat()), { minLength: 1, maxLength: 16 })
})

/** Build a base article of distinct words and keep the wanted sites that fit the separation rule. */
interface PlanInput { sizes: number[]; punct: string[]; amendments: number; wanted: [Site, number][] }

function plan ({ sizes, punct, amendments, wanted }: PlanInput): Plan {
  let n = 0
  const base = sizes.map(size => Array.from({ length: size }, () => {
    const i = n++
    return `${VOCAB[i % VOCAB.length]}${i}${punct[i % punct.length]}`
  }))
  const owner = base.map(a => a.map((): number | null => null))
  const guard = base.map(a => a.map(() => new Set<number>()))
  const gap = new Map<number, number>()
  const free = (a: number, w: number, j: number): boolean =>
    a >= 0 && a < base.length && w >= 0 && w < base[a].length && owner[a][w] === null && [...guard[a][w]].every(g => g === j)
  const notOther = (a: number, w: number, j: number): boolean =>
    a < 0 || a >= base.length || w < 0 || w >= base[a].length || owner[a][w] === null || owner[a][w] === j
  const protect = (a: number, w: number, j: number): void => {
    if (a >= 0 && a < base.length && w >= 0 && w < base[a].length) guard[a][w].add(j)
  }
  const sites: Plan['sites'] = []
  for (const [raw, am] of wanted) {
    const j = am % amendments
    if (raw.kind === 'insertAlinea') {
      const after = raw.after % (base.length + 1)
      const last = [after - 1, (base[after - 1]?.length ?? 0) - 1] as const
      const first = [after, 0] as const
      if (gap.has(after) || !notOther(...last, j) || !notOther(...first, j)) continue
      gap.set(after, j)
      protect(...last, j)
      protect(...first, j)
      sites.push({ site: { kind: 'insertAlinea', after }, amendment: j })
    } else if (raw.kind === 'deleteAlinea') {
      const a = raw.alinea % base.length
      if (!base[a].every((_, w) => free(a, w, j))) continue
      if (!notOther(a - 1, (base[a - 1]?.length ?? 0) - 1, j) || !notOther(a + 1, 0, j)) continue
      if ((gap.has(a) && gap.get(a) !== j) || (gap.has(a + 1) && gap.get(a + 1) !== j)) continue
      base[a].forEach((_, w) => { owner[a][w] = j })
      protect(a - 1, (base[a - 1]?.length ?? 0) - 1, j)
      protect(a + 1, 0, j)
      sites.push({ site: { kind: 'deleteAlinea', alinea: a }, amendment: j })
    } else {
      const a = raw.alinea % base.length
      const w = raw.word % base[a].length
      if (!free(a, w, j) || !notOther(a, w - 1, j) || !notOther(a, w + 1, j)) continue
      const atEdge = (w === 0 && gap.has(a) && gap.get(a) !== j) || (w === base[a].length - 1 && gap.has(a + 1) && gap.get(a + 1) !== j)
      if (atEdge) continue
      owner[a][w] = j
      protect(a, w - 1, j)
      protect(a, w + 1, j)
      sites.push({ site: { ...raw, alinea: a, word: w }, amendment: j })
    }
  }
  return { base, sites }
}

/** The article with the edits of the given amendments (all of them: null). */
function apply ({ base, sites }: Plan, only: number | null): string[] {
  const words = base.map(a => a.map(w => [w]))
  const deleted = new Set<number>()
  const inserted = new Map<number, string[]>()
  sites.forEach(({ site, amendment }, k) => {
    if (only !== null && amendment !== only) return
    const fresh = `ajout${k}`
    if (site.kind === 'insertAlinea') inserted.set(site.after, [...(inserted.get(site.after) ?? []), `Nouvel alinéa ${fresh}.`])
    else if (site.kind === 'deleteAlinea') deleted.add(site.alinea)
    else if (site.kind === 'replace') words[site.alinea][site.word] = [fresh]
    else if (site.kind === 'delete') words[site.alinea][site.word] = []
    else words[site.alinea][site.word] = [...words[site.alinea][site.word], fresh]
  })
  const out = [...(inserted.get(0) ?? [])]
  words.forEach((a, i) => {
    if (!deleted.has(i)) out.push(a.flat().join(' '))
    out.push(...(inserted.get(i + 1) ?? []))
  })
  return out
}

function amendmentsOf (p: Plan, count: number): AcceptedAmendment[] {
  const base = apply({ ...p, sites: [] }, null)
  return Array.from({ length: count }, (_, j) => ({ id: `am${j}`, base, alineas: apply(p, j) }))
}

describe('consolidation (property)', function () {
  this.timeout(60_000)

  it('applies every amendment touching disjoint words, in any decision order', () => {
    fc.assert(fc.property(planArb, fc.nat(), (raw, shuffle) => {
      const p = plan(raw)
      const amendments = amendmentsOf(p, raw.amendments)
      const order = [...amendments]
      for (let i = order.length - 1, s = shuffle; i > 0; i--, s = Math.floor(s / 7) + i) {
        const k = s % (i + 1);
        [order[i], order[k]] = [order[k], order[i]]
      }
      const r = consolidate(amendments[0].base, order)
      assert.deepEqual(r.conflicts, [])
      assert.deepEqual(r.applied, order.map(a => a.id))
      assert.deepEqual(r.alineas, apply(p, null))
    }), { seed: SEED, numRuns: RUNS })
  })

  it('lists overlapping amendments as conflicts and loses nothing', () => {
    fc.assert(fc.property(planArb, fc.nat(), fc.nat(), (raw, a, w) => {
      const p = plan(raw)
      const amendments = amendmentsOf(p, raw.amendments)
      const base = amendments[0].base
      // Two more amendments change the same base alinéa in different ways.
      const target = a % base.length
      const clash = (word: string): string[] => base.map((t, i) => {
        if (i !== target) return t
        const parts = t.split(' ')
        parts[w % parts.length] = word
        return parts.join(' ')
      })
      const x = { id: 'x', base, alineas: clash('rivalX') }
      const y = { id: 'y', base, alineas: clash('rivalY') }
      const order = [...amendments.slice(0, 1), x, ...amendments.slice(1), y]
      const r = consolidate(base, order)
      // Every amendment is either applied or listed with its conflicts: none is dropped.
      const listed = r.conflicts.map(c => c.amendmentId)
      assert.deepEqual([...r.applied, ...listed].sort(), order.map(o => o.id).sort())
      // x and y change the same word: they cannot both apply. When x does (it may itself
      // clash with a random amendment), y is listed, with its own words in its passages.
      assert.ok(listed.includes('x') || listed.includes('y'), 'two clashing amendments cannot both apply')
      if (r.applied.includes('x')) {
        const mine = r.conflicts.find(c => c.amendmentId === 'y')
        assert.ok(mine !== undefined && mine.conflicts.length > 0, 'the later of two clashing amendments is listed')
        assert.ok(mine.conflicts.some(c => c.theirs.includes('rivalY')), JSON.stringify(mine))
      }
      for (const c of r.conflicts) assert.ok(c.conflicts.every(k => k.alinea >= 0 && k.alinea <= base.length))
      // What applied amendments brought is all in the consolidated text.
      const text = r.alineas.join('\n')
      for (const id of r.applied) {
        const am = order.find(o => o.id === id)
        const fresh = (am?.alineas.join(' ').match(/ajout\d+|rival[XY]/g) ?? [])
        for (const f of fresh) assert.ok(text.includes(f), `${f} of ${id} is lost`)
      }
      for (const c of r.conflicts) {
        const am = order.find(o => o.id === c.amendmentId)
        assert.ok(am !== undefined && c.conflicts.length > 0)
        for (const k of c.conflicts) assert.ok(am.alineas.join('\n').includes(k.theirs.replace(/^\n/, '')), 'a conflict quotes the amendment')
      }
    }), { seed: SEED, numRuns: RUNS })
  })
})
