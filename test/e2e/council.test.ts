/**
 * The citizens' council in a real browser: a citizen volunteers from an
 * article page at 360 px; an editor commits and draws on the council page,
 * which then explains the draw with its figures (checked against the
 * audit); a member deliberates and publishes an opinion, which shows on the
 * article page; the synthesis page shows the composition as a table and an
 * SVG chart. axe-core on each page. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'

const SETUP = {
  size: 2,
  closesAt: null,
  commitmentText: 'Deux samedis de travail.',
  categories: [
    { key: 'genre', label: 'Genre', values: [{ key: 'f', label: 'Femme', min: 1, max: 1 }, { key: 'h', label: 'Homme', min: 1, max: 1 }] },
    { key: 'age', label: 'Tranche d’âge', values: [{ key: 'jeune', label: '18-39 ans', min: 0, max: 2 }, { key: 'age', label: '40 ans et plus', min: 0, max: 2 }] }
  ]
}

describe('Browser: the citizens\' council', function () {
  this.timeout(120_000)
  const b = browserSuite()
  let editor: ApiClient & { userId: string }
  let citizen: ApiClient & { userId: string }
  const volunteers: [ApiClient, string][] = []
  const clients = new Map<string, ApiClient>()
  const pageAs = (client: ApiClient | null, width = 1280): Promise<Page> => b.newPage(client, { viewport: { width, height: 900 }, bypassCSP: true })

  before(async () => {
    editor = await b.s.as('author', 'Mme Rapporteure')
    for (const [i, genre] of ['f', 'h', 'h'].entries()) {
      const v = await b.s.as('citizen', `Volontaire ${i}`)
      clients.set(v.userId, v)
      volunteers.push([v, genre])
    }
    citizen = await b.s.as('citizen', 'Camille Volontaire')
    clients.set(citizen.userId, citizen)
  })

  /**
   * Each test's own bill: a council set up, three young volunteers (f, h, h); with `camille`, Camille
   * (f, 40 and over) too; with `drawn`, committed and drawn through the API as the editor does on its page.
   */
  async function councilBill (options: { camille?: boolean; drawn?: boolean } = {}): Promise<any> {
    const bill = await publishedBill(editor)
    assert.equal((await editor.put(`/bills/${bill.id}/council`, SETUP)).status, 201)
    const answers: [ApiClient, Record<string, string>][] = volunteers.map(([v, genre]) => [v, { genre, age: 'jeune' }])
    if (options.camille) answers.push([citizen, { genre: 'f', age: 'age' }])
    for (const [v, a] of answers) assert.equal((await v.post(`/bills/${bill.id}/council/volunteers`, { answers: a })).status, 201)
    if (options.drawn) {
      assert.equal((await editor.post(`/bills/${bill.id}/council/commit`, { publicRandomness: 'Les numéros du Loto du samedi 12 décembre 2026' })).status, 200)
      assert.equal((await editor.post(`/bills/${bill.id}/council/draw`, { value: '7 14 21 28 35' })).status, 200)
    }
    return bill
  }

  it('volunteers from an article page at 360 px, with private answers and public counts', async () => {
    const bill = await councilBill()
    const page = await pageAs(citizen, 360)
    const article = bill.articles[1]
    await page.goto(`${b.url}/articles/${article.id}`)
    const box = page.locator('.council-box')
    await box.waitFor()
    assert.match(await text(box.locator('.council-volunteer__count')), /3 volontaires/)
    assert.match(await text(box.locator('.council-counts')), /Femme 1 · Homme 2/)
    await box.getByLabel('Genre').selectOption('f')
    await box.getByLabel('Tranche d’âge').selectOption('age')
    await box.getByRole('button', { name: 'Je me porte volontaire' }).click()
    await until(page, 'the page says one volunteered', () => !!document.querySelector('[data-volunteered="true"]'))
    await until(page, 'the count grows', () => document.querySelector('[data-volunteers]')?.getAttribute('data-volunteers') === '4')
    const me = await citizen.get(`/bills/${bill.id}/council/me`)
    assert.deepEqual(me.body.answers, { genre: 'f', age: 'age' })
    await b.fits(page, 'the article page')
    await b.axe(page)
    await b.screenshot(page, 'council-volunteer', 360)
  })

  it('lets the editor commit and draw on the council page, which explains the draw with its figures', async () => {
    const bill = await councilBill({ camille: true })
    const page = await pageAs(editor)
    await page.goto(`${b.url}/bills/${bill.id}/council`)
    await page.getByLabel('Valeur publique future qui servira de graine').fill('Les numéros du Loto du samedi 12 décembre 2026')
    await page.getByRole('button', { name: 'Publier l’engagement' }).click()
    await until(page, 'the council is committed', () => document.querySelector('[data-council-status]')?.getAttribute('data-council-status') === 'committed')
    await page.getByLabel('La valeur publique, telle que publiée').fill('7 14 21 28 35')
    await page.getByRole('button', { name: 'Tirer au sort' }).click()
    await until(page, 'the council is drawn', () => document.querySelector('[data-council-status]')?.getAttribute('data-council-status') === 'drawn', undefined, 60_000)

    const audit = (await b.s.client().get(`/bills/${bill.id}/council/audit`)).body
    const how = page.locator('[data-council-how]')
    await how.getByRole('heading', { name: 'Comment le tirage est fait' }).waitFor()
    const explained = await text(how)
    assert.ok(explained.includes(audit.commitment), 'the commitment is shown')
    assert.ok(explained.includes(audit.seed), 'the seed is shown')
    assert.ok(explained.includes('7 14 21 28 35'), 'the public value is shown')
    assert.match(explained, /4 volontaires/)
    assert.equal(Number(await how.locator('[data-maximin]').getAttribute('data-maximin')), audit.distribution.maximin)
    assert.equal(await page.locator('[data-council-members]').getAttribute('data-council-members'), '2')
    const chart = page.locator('[data-chart="council-chart-genre"] svg[role="img"]')
    assert.match(await text(chart.locator('desc')), /Femme : 1 membres \(quota 1 à 1\)/)
    await b.axe(page)
    await b.screenshot(page, 'council-drawn', 1280)
  })

  it('shows a member their deliberation page: argue, vote, publish an opinion that appears on the article page', async () => {
    const bill = await councilBill({ camille: true, drawn: true })
    const council = (await b.s.client().get(`/bills/${bill.id}/council`)).body
    const article = bill.articles[0]
    assert.equal((await editor.post(`/bills/${bill.id}/council/agenda`, { target: { type: 'article', id: article.id } })).status, 201)
    const client = clients.get(council.members[0].id)!
    const page = await pageAs(client)
    await page.goto(`${b.url}/bills/${bill.id}/council/deliberation`)
    const item = page.locator('.council-item').first()
    await item.waitFor()
    await item.getByLabel('Votre argument').fill('Cet article est clair.')
    await item.getByRole('button', { name: 'Publier l’argument' }).click()
    await until(page, 'the argument is listed', () => document.querySelector('.council-arguments li')?.textContent?.includes('Cet article est clair.') === true)
    await item.getByRole('radio', { name: 'Pour' }).last().check()
    await until(page, 'the vote is counted', () => document.querySelector('[data-tally]')?.getAttribute('data-tally') === '1-0-0')
    await item.getByLabel('Texte de l’avis du conseil').fill('Le conseil approuve l’article premier.')
    await item.getByRole('button', { name: 'Publier l’avis' }).click()
    await until(page, 'the opinion is published', () => document.querySelector('.announcer')?.textContent?.includes('Avis publié') === true)
    await b.axe(page)

    const reader = await pageAs(null)
    await reader.goto(`${b.url}/articles/${article.id}`)
    await reader.locator('.council-opinion').waitFor()
    assert.match(await text(reader.locator('.council-opinion')), /Le conseil approuve l’article premier\./)
    const outsider = await pageAs(editor)
    await outsider.goto(`${b.url}/bills/${bill.id}/council/deliberation`)
    await outsider.getByText('Seuls les membres du conseil voient cette page.').waitFor()
  })

  it('shows the composition against quotas and pool on the synthesis page, as a table and a chart', async () => {
    const bill = await councilBill({ camille: true, drawn: true })
    const page = await pageAs(editor)
    await page.goto(`${b.url}/bills/${bill.id}/synthesis`)
    const section = page.locator('[data-synthesis-council]')
    await section.waitFor()
    const rows = section.locator('[data-council-composition] tbody tr')
    assert.equal(await rows.count(), 4)
    assert.equal(await section.locator('[data-value="genre=f"] [data-seated]').getAttribute('data-seated'), '1')
    assert.equal(await section.locator('svg[role="img"]').count(), 2)
    await b.axe(page)
  })
})
