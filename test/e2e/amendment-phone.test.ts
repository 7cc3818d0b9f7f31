/**
 * An amendment on a phone (360 x 740, touch): unchanged alinéas are folded
 * (« 2 alinéas inchangés », unfolded on request) on the amendment's card and
 * on its page, instead of repeating the whole article; on its page, the vote
 * comes right after the changes and the exposé, before the formal wording and
 * the table. Support is written the same plain way everywhere, and the
 * ranking of the list is explained. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'

const ARTICLE = [
  'Le présent article s’applique aux entreprises de transport aérien.',
  'Les passagers sont informés de toute perturbation au plus tard vingt-quatre heures à l’avance.',
  'Le délai est de trente jours.',
  'Un décret en Conseil d’État fixe les modalités d’application du présent article.',
  'Le présent article entre en vigueur le 1er janvier suivant la promulgation de la loi.'
]

describe('Browser: an amendment on a phone', function () {
  this.timeout(90_000)
  const b = browserSuite()
  let reader: ApiClient
  let article: any
  let amendmentId = ''

  before(async () => {
    const author = await b.s.as('author', 'Mme Dupont')
    const bill = await publishedBill(author, [{ num: '1er', alineas: ARTICLE }])
    article = bill.articles[0]
    const citizen = await b.s.as('citizen', 'Jean Amendeur')
    const proposed = [...ARTICLE]
    proposed[2] = 'Le délai est de quinze jours.'
    const am = await citizen.post(`/articles/${article.id}/amendments`, { alineas: proposed, explanation: 'Trente jours, c’est trop long.', baseRevision: bill.revision })
    assert.equal(am.status, 201, JSON.stringify(am.body))
    amendmentId = am.body.id
    for (const [name, value] of [['Anne Pour', 'for'], ['Bruno Pour', 'for'], ['Chloé Contre', 'against']] as const) {
      const voter = await b.s.as('citizen', name)
      assert.equal((await voter.put(`/amendments/${amendmentId}/vote`, { value })).status, 200)
    }
    reader = await b.s.as('citizen', 'Camille Martin')
  })

  it('folds the unchanged alinéas on the card and unfolds them on request', async () => {
    const page = await b.newPage(reader, { phone: true })
    await page.goto(`${b.url}/articles/${article.id}`)
    await page.getByRole('tab', { name: /Amendements/ }).tap()
    const card = page.locator('.amendment-card').first()
    await card.waitFor()
    const folded = card.locator('[data-kind="folded"]')
    assert.deepEqual(await folded.allTextContents(), ['2 alinéas inchangés', '2 alinéas inchangés'])
    assert.equal(await card.locator('[data-kind="kept"]').count(), 0, 'no unchanged alinéa repeated')
    assert.equal((await text(card.locator('.tally__total'))).replace(/\s/g, ' '), '67 % pour, 0 % mitigé, 33 % contre — 3 votes', 'support in plain words')
    assert.match(await text(page.locator('.list-tools__note')), /borne basse de Wilson/, 'the ranking method is explained')
    await folded.first().getByRole('button').tap()
    await until(page, 'the first two alinéas unfold', () => document.querySelectorAll('.amendment-card [data-kind="kept"]').length === 2)
    assert.match(await text(card.locator('[data-kind="kept"]').first()), /entreprises de transport aérien/)
  })

  it('puts the vote right after the changes and the exposé on the amendment page', async () => {
    const page = await b.newPage(reader, { phone: true })
    await page.goto(`${b.url}/amendments/${amendmentId}`)
    await page.locator('.amendment-vote').waitFor()
    const order = await page.evaluate(() => ['#diff-inline-title', '#explanation-title', '#amendment-vote-title', '#wording-title', '#diff-side-title']
      .map(sel => document.querySelector(sel)!.getBoundingClientRect().top))
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'changes, exposé, vote, wording, table: in this order')
    const vote = await page.locator('.amendment-vote .vote__buttons').boundingBox()
    assert.ok(vote && vote.y + vote.height < 2 * 740, `the vote is within the first two screens (at ${Math.round(vote?.y ?? 0)} px)`)
    assert.equal(await page.locator('.diff--inline [data-kind="folded"]').count(), 2, 'the inline diff folds the unchanged alinéas')
    assert.equal(await page.locator('.diff--side tr[data-kind="folded"]').count(), 2, 'and so does the table')
    await b.screenshot(page, 'amendment-phone', 360)
  })
})
