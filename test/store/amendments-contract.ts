/**
 * The Store contract for amendments, run by `contract.ts` inside each store's
 * suite (`store()` is the fresh store of the current test).
 */
import assert from 'node:assert/strict'
import type { AmendmentListQuery, AmendmentRecord, Store } from '../../server/store/store.ts'
import { ARTICLE_AMENDMENT, DuplicateKeyError } from '../../server/store/store.ts'
import { randomRank, randomSeed, supportScore } from '../../server/domain/ranking.ts'
import { diffArticle } from '../../shared/diff.ts'

const BASE = ['Le délai est de trente jours.']

/** An amendment of article a1 of bill b1, created at second `n` of a fixed minute. */
export function amendment (id: string, n: number, over: Partial<AmendmentRecord> = {}): AmendmentRecord {
  const at = `2030-01-01T00:00:${String(n).padStart(2, '0')}.000Z`
  const alineas = [`Le délai est de ${n} jours.`]
  return {
    id,
    billId: 'b1',
    articleId: 'a1',
    authorId: 'u1',
    baseRevision: 1,
    baseAlineas: BASE,
    baseHash: 'h1',
    alineas,
    explanation: `Exposé ${id}`,
    status: 'proposed',
    diff: diffArticle(BASE, alineas),
    wording: { fr: `fr ${id}`, en: `en ${id}` },
    decision: null,
    decidedSeq: null,
    shuffle: (n * 7919) % 1000,
    createdAt: at,
    updatedAt: at,
    ...ARTICLE_AMENDMENT,
    number: n,
    ...over
  }
}

/** Every page of a list, following `next`. */
async function allPages (store: Store, query: Omit<AmendmentListQuery, 'after'>): Promise<string[]> {
  const ids: string[] = []
  let after: AmendmentListQuery['after'] = null
  for (let i = 0; i < 100; i++) {
    const page = await store.listAmendments({ articleId: 'a1' }, { ...query, after })
    assert.ok(page.items.length <= query.limit)
    ids.push(...page.items.map(a => a.id))
    if (!page.next) return ids
    after = page.next
  }
  throw new Error('pagination does not end')
}

/** Declares the amendment tests; `store()` gives the current test's store. */
export function amendmentContract (store: () => Store): void {
  beforeEach(async () => {
    const s = store()
    await s.createBill({ id: 'b1', title: 'B', summary: '', status: 'open', opensAt: null, closesAt: null, editors: ['u1'], revision: 0, createdBy: 'u1', createdAt: 't', updatedAt: 't' })
    await s.publishRevision({
      billId: 'b1',
      number: 1,
      doc: { type: 'doc', content: [] },
      articles: [
        { id: 'a1', num: '1', heading: null, alineas: BASE, hash: 'h1' },
        { id: 'a2', num: '2', heading: null, alineas: ['x'], hash: 'h2' }
      ],
      publishedAt: 't',
      publishedBy: 'u1'
    }, { revision: 1 })
  })

  it('stores an amendment and reads it back exactly; refuses its id twice', async () => {
    const a = amendment('m1', 1)
    await store().createAmendment(a)
    assert.deepEqual(await store().getAmendment('m1'), a)
    assert.equal(await store().getAmendment('nope'), null)
    await assert.rejects(store().createAmendment(amendment('m1', 2)), DuplicateKeyError)
    assert.equal((await store().getAmendment('m1'))?.explanation, 'Exposé m1')
  })

  it('lists the most recent first, in pages, and leaves withdrawn ones out unless asked', async () => {
    for (let n = 1; n <= 7; n++) await store().createAmendment(amendment(`m${n}`, n, n === 3 ? { status: 'withdrawn' } : {}))
    // Same creation time: the id breaks the tie.
    await store().createAmendment(amendment('m8', 7))
    assert.deepEqual(await allPages(store(), { sort: 'recent', limit: 3 }), ['m8', 'm7', 'm6', 'm5', 'm4', 'm2', 'm1'])
    assert.deepEqual(await allPages(store(), { sort: 'recent', limit: 50, status: 'withdrawn' }), ['m3'])
    const first = await store().listAmendments({ articleId: 'a1' }, { sort: 'recent', limit: 7 })
    assert.equal(first.items.length, 7)
    assert.equal(first.next, null)
    assert.deepEqual((await store().listAmendments({ articleId: 'a2' }, { sort: 'recent', limit: 5 })).items, [])
  })

  it('lists the most supported first by Wilson score, then the most recent', async () => {
    const votes: Record<string, [number, number, number]> = { m1: [1, 0, 0], m2: [10, 0, 1], m3: [0, 0, 0], m4: [3, 4, 0], m5: [0, 0, 0], m6: [0, 0, 5] }
    let n = 0
    for (const [id, [f, m, a]] of Object.entries(votes)) {
      await store().createAmendment(amendment(id, ++n))
      const cast = (value: 'for' | 'mixed' | 'against', count: number) => Promise.all(Array.from({ length: count }, (_, i) =>
        store().castVote({ userId: `${value}${i}`, target: { type: 'amendment', id }, billId: 'b1', value, at: 't' })))
      await cast('for', f)
      await cast('mixed', m)
      await cast('against', a)
    }
    const expected = Object.entries(votes)
      .map(([id, [f, m, a]], i) => ({ id, score: supportScore({ for: f, mixed: m, against: a }), i }))
      .sort((x, y) => y.score - x.score || y.i - x.i)
      .map(x => x.id)
    assert.deepEqual(expected, ['m2', 'm4', 'm1', 'm5', 'm3', 'm6'])
    assert.deepEqual(await allPages(store(), { sort: 'supported', limit: 2 }), expected)
    assert.deepEqual(await allPages(store(), { sort: 'supported', limit: 50 }), expected)
  })

  it('lists in a seeded random order: the same for one seed, a permutation of all, in pages', async () => {
    for (let n = 1; n <= 12; n++) await store().createAmendment(amendment(`m${n}`, n))
    const seed = randomSeed('viewer-1')
    const expected = Array.from({ length: 12 }, (_, i) => amendment(`m${i + 1}`, i + 1))
      .map(a => ({ id: a.id, rank: randomRank(a.shuffle, seed) }))
      .sort((x, y) => x.rank - y.rank || (x.id < y.id ? -1 : 1))
      .map(x => x.id)
    assert.deepEqual(await allPages(store(), { sort: 'random', limit: 5, seed }), expected)
    assert.deepEqual(await allPages(store(), { sort: 'random', limit: 12, seed }), expected)
    const other = await allPages(store(), { sort: 'random', limit: 50, seed: randomSeed('viewer-2') })
    assert.deepEqual([...other].sort(), [...expected].sort())
    assert.notDeepEqual(other, expected)
  })

  it('counts amendments per article, without withdrawn ones', async () => {
    await store().createAmendment(amendment('m1', 1))
    await store().createAmendment(amendment('m2', 2, { status: 'withdrawn' }))
    await store().createAmendment(amendment('m3', 3, { articleId: 'a2' }))
    assert.deepEqual([...await store().countAmendments(['a1', 'a2', 'a9'])], [['a1', 1], ['a2', 1], ['a9', 0]])
    assert.deepEqual([...await store().countAmendments([])], [])
  })

  it('gives an author\'s creation times on an article since a time, withdrawn ones included', async () => {
    await store().createAmendment(amendment('m1', 1))
    await store().createAmendment(amendment('m2', 5, { status: 'withdrawn' }))
    await store().createAmendment(amendment('m3', 9))
    await store().createAmendment(amendment('m4', 9, { authorId: 'u2' }))
    assert.deepEqual(await store().amendmentTimesByAuthor('u1', 'a1', '2030-01-01T00:00:02.000Z'),
      ['2030-01-01T00:00:05.000Z', '2030-01-01T00:00:09.000Z'])
    assert.deepEqual(await store().amendmentTimesByAuthor('u1', 'a2', '2000-01-01T00:00:00.000Z'), [])
  })

  it('decides once: a compare-and-set on proposed, ranked in the bill\'s decision order', async () => {
    for (let n = 1; n <= 3; n++) await store().createAmendment(amendment(`m${n}`, n))
    const d = (response: string) => ({ by: 'u1', at: '2030-01-02T00:00:00.000Z', response })
    const second = await store().decideAmendment('m2', 'accepted', d('oui'))
    assert.equal(second?.status, 'accepted')
    assert.deepEqual(second?.decision, d('oui'))
    assert.equal(second?.decidedSeq, 1)
    assert.equal(await store().decideAmendment('m2', 'rejected', d('non')), null)
    assert.equal((await store().getAmendment('m2'))?.status, 'accepted')
    assert.equal((await store().decideAmendment('m3', 'rejected', d('non')))?.decidedSeq, 2)
    assert.equal((await store().decideAmendment('m1', 'accepted', d('oui')))?.decidedSeq, 3)
    assert.equal(await store().decideAmendment('nope', 'accepted', d('x')), null)
    assert.deepEqual((await store().listAcceptedAmendments('b1')).map(a => a.id), ['m2', 'm1'])
  })

  it('gives distinct decision ranks to concurrent decisions, and one winner per amendment', async () => {
    for (let n = 1; n <= 8; n++) await store().createAmendment(amendment(`m${n}`, n))
    const at = '2030-01-02T00:00:00.000Z'
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) =>
      store().decideAmendment(`m${(i % 8) + 1}`, i < 8 ? 'accepted' : 'rejected', { by: 'u1', at, response: String(i) })))
    const won = results.filter(r => r !== null)
    assert.equal(won.length, 8)
    assert.deepEqual(won.map(r => r!.decidedSeq).sort((x, y) => x! - y!), [1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('withdraws only a proposed amendment', async () => {
    await store().createAmendment(amendment('m1', 1))
    await store().createAmendment(amendment('m2', 2))
    assert.equal((await store().withdrawAmendment('m1', 'later'))?.status, 'withdrawn')
    assert.equal(await store().withdrawAmendment('m1', 'later'), null)
    await store().decideAmendment('m2', 'rejected', { by: 'u1', at: 't', response: 'non' })
    assert.equal(await store().withdrawAmendment('m2', 'later'), null)
    assert.equal((await store().getAmendment('m2'))?.status, 'rejected')
  })

  it('replaces the text of a proposed amendment only from the expected base revision', async () => {
    await store().createAmendment(amendment('m1', 1))
    const text = {
      baseRevision: 2,
      baseAlineas: ['Nouveau.'],
      baseHash: 'h9',
      alineas: ['Nouveau texte.'],
      diff: diffArticle(['Nouveau.'], ['Nouveau texte.']),
      wording: { fr: 'fr2', en: 'en2' },
      updatedAt: '2030-01-03T00:00:00.000Z'
    }
    assert.equal(await store().updateAmendmentText('m1', text, 2), null)
    const updated = await store().updateAmendmentText('m1', text, 1)
    assert.deepEqual(updated, { ...amendment('m1', 1), ...text })
    assert.equal(await store().updateAmendmentText('m1', { ...text, baseRevision: 3 }, 1), null)
    await store().withdrawAmendment('m1', 't')
    assert.equal(await store().updateAmendmentText('m1', { ...text, baseRevision: 3 }, 2), null)
  })

  it('numbers amendments per bill in order of tabling, concurrent ones included, never twice', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => store().createAmendment(amendment(`c${i}`, i + 1, { number: 0 }))))
    assert.deepEqual([...made].sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i + 1))
    for (let i = 0; i < 12; i++) assert.equal((await store().getAmendment(`c${i}`))?.number, made[i])
    await store().withdrawAmendment('c0', 't')
    assert.equal(await store().createAmendment(amendment('c12', 13)), 13)
    await assert.rejects(store().createAmendment(amendment('c12', 14)), DuplicateKeyError)
    assert.equal(await store().createAmendment(amendment('c13', 15)), 14, 'a refused insert takes no number')
  })

  it('stores a batch of amendments numbered in order, or none of them', async () => {
    await store().createAmendment(amendment('m1', 1))
    const numbers = await store().createAmendments([amendment('i1', 2), amendment('i2', 3, { kind: 'addArticle', position: 'before', heading: 'Titre' })])
    assert.deepEqual(numbers, [2, 3])
    const added = await store().getAmendment('i2')
    assert.deepEqual(added, { ...amendment('i2', 3, { kind: 'addArticle', position: 'before', heading: 'Titre' }), number: 3 })
    await assert.rejects(store().createAmendments([amendment('i3', 4), amendment('m1', 5)]), DuplicateKeyError)
    assert.equal(await store().getAmendment('i3'), null)
    assert.deepEqual(await store().createAmendments([amendment('i4', 6)]), [4])
  })

  it('keeps additional articles out of an article\'s list and count, and lists them by kind', async () => {
    await store().createAmendment(amendment('m1', 1))
    const origin = { chamber: 'senat' as const, number: 'COM-1', authors: ['M. X'], url: null, dispositif: 'Supprimer cet article.' }
    await store().createAmendment(amendment('m2', 2, { kind: 'addArticle', position: 'after', origin, applies: false, appliesReason: 'why' }))
    assert.deepEqual((await store().listAmendments({ articleId: 'a1' }, { sort: 'recent', limit: 10 })).items.map(a => a.id), ['m1'])
    assert.deepEqual((await store().listAmendments({ billId: 'b1' }, { sort: 'recent', limit: 10, kind: 'addArticle' })).items.map(a => a.id), ['m2'])
    assert.deepEqual((await store().listAmendments({ billId: 'b1' }, { sort: 'recent', limit: 10 })).items.map(a => a.id), ['m2', 'm1'])
    assert.equal((await store().countAmendments(['a1'])).get('a1'), 1)
    assert.deepEqual((await store().getAmendment('m2'))?.origin, origin)
    assert.equal((await store().getAmendment('m2'))?.applies, false)
  })

  it('rebases an additional article onto another anchor only from the expected base revision', async () => {
    await store().createAmendment(amendment('m1', 1, { kind: 'addArticle', position: 'after' }))
    const text = {
      articleId: 'a2', position: 'before' as const, baseRevision: 2, baseAlineas: ['x'], baseHash: 'h2', alineas: ['Le délai est de 1 jours.'],
      diff: diffArticle([], ['Le délai est de 1 jours.']), wording: { fr: 'fr2', en: 'en2' }, updatedAt: '2030-01-03T00:00:00.000Z'
    }
    assert.equal(await store().rebaseAddition('m1', text, 2), null)
    assert.deepEqual(await store().rebaseAddition('m1', text, 1), { ...amendment('m1', 1, { kind: 'addArticle', position: 'after' }), ...text })
    await store().createAmendment(amendment('m2', 2))
    assert.equal(await store().rebaseAddition('m2', text, 1), null, 'not an additional article')
  })
}
