/**
 * « Rédiger le dispositif » on the amend page, in a real browser: a staff member
 * types a dispositif (Sénat style), sees the diff it makes of the article live,
 * then a line the parser cannot read is underlined with the reason; the
 * amendment filed from the dispositif is the applied text. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { ARTICLE_2 } from '../helpers/amendments.ts'
import { text, until } from '../helpers/pages.ts'

describe('Browser: a staff member writes a dispositif on the amend page', function () {
  this.timeout(90_000)

  const b = browserSuite()
  let staff: ApiClient
  let bill: any

  before(async () => {
    bill = await publishedBill(await b.s.as('author', 'Mme Dupont'))
    staff = await b.s.as('staff', 'Claire Administratrice')
  })

  it('sees the diff of the typed dispositif, an unreadable line underlined with its reason, and files it', async () => {
    const art = bill.articles[1]
    // bypassCSP: the accessibility audit (axe) is injected as an inline script.
    const page = await b.newPage(staff, { bypassCSP: true })
    await page.goto(`${b.url}/articles/${art.id}/amend`)
    await page.locator('.amend-editor[data-ready="true"]').waitFor()
    await page.getByRole('radio', { name: 'Rédiger le dispositif' }).check()
    const field = page.getByRole('textbox', { name: 'Dispositif' })
    await field.fill('Alinéa 1\nRemplacer le mot :\ntrente\npar le mot :\nquinze')
    await until(page, 'the diff of the dispositif is shown', () =>
      document.querySelector('.amend-preview del')?.textContent?.includes('trente') === true &&
      document.querySelector('.amend-preview ins')?.textContent?.includes('quinze') === true)
    assert.match(await text(page.locator('.amend-preview ins').first()), /quinze/)
    assert.equal(await page.locator('[data-dispositif="error"]').count(), 0)

    // A third line the parser cannot read: underlined, with the reason, and the textarea described by it.
    await field.fill("Alinéa 1\nRemplacer le mot : « trente » par le mot : « quinze ».\nFaire autrement.")
    await page.locator('[data-dispositif="error"]').waitFor()
    const marked = page.locator('.dispositif__line--error')
    assert.equal(await marked.count(), 1)
    assert.equal(await marked.getAttribute('data-line'), '3')
    assert.equal(await text(marked), 'Faire autrement.')
    assert.match(await text(page.locator('#amend-dispositif-reason')), /^Ligne 3 illisible : .*Faire autrement/)
    assert.equal(await field.getAttribute('aria-invalid'), 'true')
    assert.match(await field.getAttribute('aria-describedby') ?? '', /amend-dispositif-reason/)
    await b.axe(page)

    // Fixed, explained and filed: the server stores the applied text.
    await field.fill("Alinéa 1\nRemplacer le mot : « trente » par le mot : « quinze ».")
    await page.locator('[data-dispositif="error"]').waitFor({ state: 'detached' })
    await page.getByLabel(/Exposé sommaire/).fill('Quinze jours suffisent.')
    await page.getByRole('button', { name: 'Déposer l’amendement' }).click()
    await page.locator('#filed-title').waitFor()
    const list = (await b.s.client().get(`/articles/${art.id}/amendments`)).body.items
    assert.equal(list.length, 1)
    assert.deepEqual(list[0].alineas, ['Le délai est de quinze jours.', ARTICLE_2[1]])
  })
})
