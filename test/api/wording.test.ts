/** The wording services and proposing by dispositif: ok, unreadable (with the line), not applicable (with the operation); nothing stored on refusal. */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { ARTICLE_2 } from '../helpers/amendments.ts'
import { Amendment, WordingApplied, WordingParsed } from '../../shared/api.ts'
import { fixtureDispositif } from '../helpers/dispositifs.ts'

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')

describe('API: wording services', () => {
  const s = serverSuite()

  it('POST /wording/parse reads a Sénat dispositif of the fixtures, for anyone', async () => {
    const r = await s.client().post('/wording/parse', { text: fixtureDispositif('Sénat COM-48'), lang: 'fr' })
    assert.equal(r.status, 200, JSON.stringify(r.body))
    WordingParsed.parse(r.body)
    assert.deepEqual(r.body.operations, [{ op: 'replaceWords', alinea: 3, words: 'modération', by: 'sobriété' }])
  })

  it('POST /wording/parse answers 422 wording_unreadable with the line it cannot read', async () => {
    const r = await s.client().post('/wording/parse', { text: "Alinéa 2\nSupprimer cet alinéa.\nFaire quelque chose d'autre.", lang: 'fr' })
    assert.equal(r.status, 422)
    assert.equal(r.body.error.code, 'wording_unreadable')
    assert.equal(r.body.error.details.line, 3)
    assert.match(r.body.error.details.message, /Faire quelque chose/)
  })

  it('POST /wording/apply applies both house styles to a text', async () => {
    const alineas = ['Un.', 'Le délai est de trente jours.', 'Trois.']
    const an = await s.client().post('/wording/apply', { text: "À l'alinéa 2, substituer au mot : « trente » le mot : « quinze ».", lang: 'fr', alineas })
    assert.equal(an.status, 200, JSON.stringify(an.body))
    WordingApplied.parse(an.body)
    assert.deepEqual(an.body.alineas, ['Un.', 'Le délai est de quinze jours.', 'Trois.'])
    const senat = await s.client().post('/wording/apply', { text: 'Alinéas 2 et 3\nSupprimer ces alinéas.', alineas })
    assert.equal(senat.status, 200)
    assert.deepEqual(senat.body.alineas, ['Un.'])
  })

  it('POST /wording/apply answers 422 wording_not_applicable naming the operation and the reason', async () => {
    const r = await s.client().post('/wording/apply', { text: "I. – Supprimer l'alinéa 1.\nII. – À l'alinéa 2, supprimer le mot : « vingt ».", lang: 'fr', alineas: ['Un.', 'Le délai est de trente jours.'] })
    assert.equal(r.status, 422)
    assert.equal(r.body.error.code, 'wording_not_applicable')
    assert.deepEqual(r.body.error.details.operation, { op: 'deleteWords', alinea: 2, words: 'vingt' })
    assert.equal(r.body.error.details.index, 1)
    assert.match(r.body.error.details.reason, /not in the text/)
    const out = await s.client().post('/wording/apply', { text: "Supprimer l'alinéa 5.", alineas: ['Un.'] })
    assert.equal(out.status, 422)
    assert.match(out.body.error.details.reason, /No alinéa 5/)
  })

  it('refuses bad bodies with 400', async () => {
    for (const body of [{}, { text: '' }, { text: 'Supprimer cet article.', lang: 'de' }, { text: 'x', alineas: 'no' }, { text: 'x', extra: 1 }]) {
      const r = await s.client().post(Object.hasOwn(body, 'alineas') ? '/wording/apply' : '/wording/parse', body)
      assert.equal(r.status, 400, JSON.stringify(body))
    }
  })
})

describe('API: proposing an amendment by dispositif', () => {
  const s = serverSuite()

  async function count (articleId: string): Promise<number> {
    return (await s.client().get(`/articles/${articleId}/amendments`)).body.items.length
  }

  it('parses and applies the dispositif to the base text and stores the result', async () => {
    const bill = await publishedBill(await s.as('author'))
    const staff = await s.as('staff')
    const art = bill.articles[1]
    const r = await staff.post(`/articles/${art.id}/amendments`, {
      dispositif: 'Alinéa 1\nRemplacer le mot :\ntrente\npar le mot :\nquinze', explanation: 'Plus court.', baseRevision: 1
    })
    assert.equal(r.status, 201, JSON.stringify(r.body))
    Amendment.strict().parse(r.body)
    assert.deepEqual(r.body.alineas, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    assert.equal(plain(r.body.wording.fr), 'À l\'alinéa 1, substituer au mot : « trente » le mot : « quinze ».')
  })

  it('refuses an unreadable dispositif (422 wording_unreadable with the line) and stores nothing', async () => {
    const bill = await publishedBill(await s.as('author'))
    const art = bill.articles[1]
    const c = await s.as('citizen')
    const r = await c.post(`/articles/${art.id}/amendments`, { dispositif: 'Supprimer cet article.\nEt puis voilà.', explanation: 'x', baseRevision: 1 })
    assert.equal(r.status, 422)
    assert.equal(r.body.error.code, 'wording_unreadable')
    assert.equal(r.body.error.details.line, 2)
    assert.equal(await count(art.id), 0)
  })

  it('refuses a dispositif that does not apply (422 wording_not_applicable) and stores nothing', async () => {
    const bill = await publishedBill(await s.as('author'))
    const art = bill.articles[1]
    const c = await s.as('citizen')
    const r = await c.post(`/articles/${art.id}/amendments`, { dispositif: "À l'alinéa 1, supprimer le mot : « vingt ».", explanation: 'x', baseRevision: 1 })
    assert.equal(r.status, 422)
    assert.equal(r.body.error.code, 'wording_not_applicable')
    assert.equal(r.body.error.details.operation.op, 'deleteWords')
    const additional = await c.post(`/articles/${art.id}/amendments`, { dispositif: "Après l'article 2\nInsérer un article additionnel ainsi rédigé :\n« Nouveau. »", explanation: 'x', baseRevision: 1 })
    assert.equal(additional.status, 422)
    assert.equal(additional.body.error.code, 'wording_not_applicable')
    assert.equal(additional.body.error.details.operation.op, 'addArticle')
    assert.equal(await count(art.id), 0)
  })

  it('wants alineas or dispositif, not both nor neither (400)', async () => {
    const bill = await publishedBill(await s.as('author'))
    const c = await s.as('citizen')
    const art = bill.articles[1]
    for (const body of [{ explanation: 'x', baseRevision: 1 }, { alineas: ['a'], dispositif: 'Supprimer cet article.', explanation: 'x', baseRevision: 1 }]) {
      assert.equal((await c.post(`/articles/${art.id}/amendments`, body)).status, 400)
    }
    assert.equal(await count(art.id), 0)
  })

  it('a Sénat-style bill shows wordings in the Sénat style (PATCH wordingStyle)', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    assert.equal(bill.wordingStyle, 'assemblee')
    const art = bill.articles[1]
    const a = (await (await s.as('citizen')).post(`/articles/${art.id}/amendments`, { alineas: ['Le délai est de quinze jours.', ARTICLE_2[1]], explanation: 'x', baseRevision: 1 })).body
    const p = await author.patch(`/bills/${bill.id}`, { wordingStyle: 'senat' })
    assert.equal(p.status, 200, JSON.stringify(p.body))
    assert.equal(p.body.wordingStyle, 'senat')
    assert.equal((await s.client().get(`/bills/${bill.id}`)).body.wordingStyle, 'senat')
    const shown = (await s.client().get(`/amendments/${a.id}`)).body
    assert.equal(plain(shown.wording.fr), 'Alinéa 1\nRemplacer le mot : « trente » par le mot : « quinze ».')
    // The open data and reports print the same style; an additional article keeps its own wording.
    const added = (await (await s.as('citizen')).post(`/bills/${bill.id}/amendments`, { position: { after: art.id }, alineas: ['Un article de plus.'], explanation: 'y', baseRevision: 1 })).body
    assert.match(plain((await s.client().get(`/amendments/${added.id}`)).body.wording.fr), /^Après l'article 2, insérer un article additionnel ainsi rédigé :/)
    const open = (await s.client().get(`/bills/${bill.id}/export?format=json`)).body
    const exported = open.amendments.find((x: any) => x.id === a.id)
    assert.equal(plain(exported.wording.fr), 'Alinéa 1\nRemplacer le mot : « trente » par le mot : « quinze ».')
    const synthesis = (await s.client().get(`/bills/${bill.id}/synthesis`)).body
    const top = synthesis.articles.flatMap((x: any) => x.topAmendments).find((x: any) => x.id === a.id)
    assert.equal(plain(top.wording.fr), 'Alinéa 1\nRemplacer le mot : « trente » par le mot : « quinze ».', 'the synthesis and the reports made from it too')
    assert.equal((await author.patch(`/bills/${bill.id}`, { wordingStyle: 'commons' })).status, 400)
    assert.equal((await (await s.as('citizen')).patch(`/bills/${bill.id}`, { wordingStyle: 'assemblee' })).status, 403)
  })
})
