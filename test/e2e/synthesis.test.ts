/**
 * The synthesis page in a real browser: its participation figures are those
 * of the API's synthesis JSON (participants in all and by profile type,
 * votes, amendments, arguments, one table row per day), its charts are SVG
 * images with accessible names and descriptions, each article shows its
 * tally, top amendments, best arguments (markup as text) and decisions;
 * the downloads a citizen sees are the open data (JSON, Akoma Ntoso) only,
 * while staff also get Word, PDF, Excel and CSV, with hrefs the server
 * answers. A closed consultation links to its synthesis from the home page.
 * axe-core, nothing wider than 360 px, screenshots at 360 / 1280 px.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'
import { consultation, type Consultation } from '../helpers/consultation.ts'

const WAIT = 20_000

describe('Browser: the synthesis of a consultation', function () {
  this.timeout(180_000)

  const b = browserSuite({ timeout: WAIT })
  let c: Consultation
  let synthesis: any
  const pageAs = (client: ApiClient | null): Promise<Page> => b.newPage(client, { bypassCSP: true })

  async function openSynthesis (page: Page): Promise<void> {
    await page.goto(`${b.url}/bills/${c.bill.id}/synthesis`)
    await until(page, 'the synthesis is shown', () => document.querySelector('.synthesis-participation') !== null, undefined, WAIT)
  }

  const figure = (page: Page, name: string) => page.locator(`.synthesis-participation [data-figure="${name}"]`).getAttribute('data-value')

  before(async () => {
    c = await consultation(b.s)
    const r = await c.people[0].get(`/bills/${c.bill.id}/synthesis`)
    assert.equal(r.status, 200)
    synthesis = r.body
  })

  it('shows the participation figures of the synthesis JSON, with accessible SVG charts', async () => {
    const page = await pageAs(c.people[0])
    await page.goto(`${b.url}/bills/${c.bill.id}`)
    await page.getByRole('link', { name: 'Synthèse de la consultation' }).click()
    await until(page, 'the synthesis is shown', () => document.querySelector('.synthesis-participation') !== null, undefined, WAIT)
    assert.equal(await text(page.locator('h1')), 'Synthèse de la consultation')

    const p = synthesis.participation
    assert.ok(p.participants.total > 0 && p.days.length > 0, 'the consultation has participation')
    assert.equal(await figure(page, 'participants.total'), String(p.participants.total))
    assert.equal(await figure(page, 'votes.total'), String(p.contributions.votes.total))
    assert.equal(await figure(page, 'amendments'), String(p.contributions.amendments))
    assert.equal(await figure(page, 'arguments'), String(p.contributions.arguments))
    assert.match(await text(page.locator('[data-figure="participants.total"] .figure__value')), new RegExp(`^${p.participants.total}$`))

    // By profile type: an SVG image named and described, and the same figures in its table.
    const profiles = page.getByRole('img', { name: `Participants par profil (${p.participants.total} au total)` })
    assert.equal(await profiles.count(), 1)
    assert.equal(await profiles.evaluate(e => e.tagName.toLowerCase()), 'svg')
    const desc = await profiles.evaluate(e => e.querySelector('desc')?.textContent ?? '')
    for (const [key, word] of [['citizen', 'Citoyens'], ['organisation', 'Organisations'], ['institution', 'Institutions']] as const) {
      assert.equal(await page.locator(`[data-chart="chart-profiles"] svg g[data-key="${key}"]`).getAttribute('data-value'), String(p.participants[key]))
      assert.equal(await text(page.locator(`[data-chart="chart-profiles"] tr[data-key="${key}"] td`)), String(p.participants[key]))
      assert.match(desc, new RegExp(`${word} : ${p.participants[key]}`))
    }

    // By day: one column and one table row per day of the JSON.
    const days = page.getByRole('img', { name: /Contributions par jour/ })
    assert.equal(await days.evaluate(e => e.tagName.toLowerCase()), 'svg')
    const total = p.days.reduce((n: number, d: any) => n + d.votes + d.amendments + d.arguments, 0)
    assert.match(await days.evaluate(e => e.querySelector('desc')?.textContent ?? ''), new RegExp(`${total} contributions`))
    const columns = await page.locator('[data-chart="chart-days"] rect[data-key]').evaluateAll(els => els.map(e => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))]))
    assert.deepEqual(columns, p.days.map((d: any) => [d.day, d.votes + d.amendments + d.arguments]))
    await page.getByText('Les chiffres, jour par jour').click()
    assert.equal(await page.locator('.chart__table--days tbody tr').count(), p.days.length)
    const cells = await page.locator('.chart__table--days tbody tr').first().locator('td').allTextContents()
    assert.deepEqual(cells.map(Number), [p.days[0].votes, p.days[0].amendments, p.days[0].arguments, p.days[0].votes + p.days[0].amendments + p.days[0].arguments])
  })

  it('shows each article: tally, top amendments with their dispositif, best arguments as text, decisions', async () => {
    const page = await pageAs(null)
    await openSynthesis(page)
    assert.deepEqual(
      await page.locator('.synthesis-article').evaluateAll(els => els.map(e => e.getAttribute('data-article-id'))),
      synthesis.articles.map((a: any) => a.id)
    )
    const first = synthesis.articles[0]
    const section = page.locator(`.synthesis-article[data-article-id="${first.id}"]`)
    for (const v of ['for', 'mixed', 'against']) {
      assert.equal(await text(section.locator(`.tally__fig[data-value="${v}"] .tally__count`)), String(first.tally[v]))
    }
    const second = synthesis.articles[1]
    const top = page.locator(`.synthesis-article[data-article-id="${second.id}"] .synthesis-amendment`)
    assert.deepEqual(await top.evaluateAll(els => els.map(e => e.getAttribute('data-amendment-id'))), second.topAmendments.map((a: any) => a.id))
    assert.equal(await text(top.first().locator('.wording__text')), second.topAmendments[0].wording.fr.replace(/\s+/g, ' ').trim())
    assert.equal(await page.locator(`[data-amendment-id="${c.amendments.hidden}"]`).count(), 0, 'hidden amendments are not put forward')
    assert.match(await text(section.locator('.synthesis-arguments__side--for')), /La transparence renforce la confiance\./)
    assert.doesNotMatch(await text(page.locator('main')), /SECRET-/)
    const markup = page.locator(`[data-argument-id="${c.arguments.markup}"] .synthesis-arguments__body`)
    assert.equal(await text(markup), '<script>alert("x")</script> & « guillemets »', 'user text is shown as text')
    const decided = section.locator(`.synthesis-decisions [data-amendment-id="${c.amendments.accepted}"]`)
    assert.equal(await decided.getAttribute('data-status'), 'accepted')
    assert.match(await text(decided), /Adopté : le format ouvert s'impose\./)
  })

  it('a citizen sees only the open data downloads; staff see the reports and tables too, and the links work', async () => {
    const citizen = await pageAs(c.people[1])
    await openSynthesis(citizen)
    const hrefs = async (page: Page) => page.locator('.downloads a[data-export]').evaluateAll(els => els.map(e => [e.getAttribute('data-export'), e.getAttribute('href')]))
    const base = `/api/v1/bills/${c.bill.id}/export?format=`
    assert.deepEqual(await hrefs(citizen), [
      ['json', `${base}json&lang=fr`], ['akn', `${base}akn&lang=fr`], ['akn-consolidated', `${base}akn&version=consolidated&lang=fr`]
    ])
    assert.match(await text(citizen.locator('.downloads')), /JSON\s*données ouvertes/)
    assert.match(await text(citizen.locator('.downloads')), /Akoma Ntoso\s*XML parlementaire/)
    assert.match(await text(citizen.locator('.downloads__note')), /réservés aux services/)

    const staff = await pageAs(c.staff)
    await openSynthesis(staff)
    const staffLinks = new Map(await hrefs(staff) as [string, string][])
    // In the interface language: French here.
    assert.equal(staffLinks.get('docx'), `${base}docx&lang=fr`)
    assert.equal(staffLinks.get('pdf'), `${base}pdf&lang=fr`)
    assert.equal(staffLinks.get('xlsx'), `${base}xlsx&lang=fr`)
    assert.equal(staffLinks.get('csv-articles'), `${base}csv&kind=articles&lang=fr`)
    assert.equal(staffLinks.get('csv-votes'), `${base}csv&kind=votes&lang=fr`)
    assert.equal(staffLinks.get('json'), `${base}json&lang=fr`)
    const words = await text(staff.locator('.downloads'))
    for (const w of [/Word\s*rapport modifiable/, /PDF\s*rapport imprimable/, /Excel\s*données par feuille/, /CSV\s*données brutes/]) assert.match(words, w)
    assert.equal(await staff.locator('.downloads__note').count(), 0)

    // The links are the server's: staff get the files, the citizen is refused the staff ones.
    for (const key of ['docx', 'csv-articles', 'json']) {
      const r = await staff.request.get(b.url + staffLinks.get(key)!)
      assert.equal(r.status(), 200, key)
      assert.match(r.headers()['content-disposition'] ?? '', /attachment/)
    }
    assert.equal((await citizen.request.get(b.url + staffLinks.get('docx')!)).status(), 403)
    assert.equal((await citizen.request.get(`${b.url}${base}json`)).status(), 200)

    // The bill's editor gets them too.
    const editor = await pageAs(c.editor)
    await openSynthesis(editor)
    assert.equal(await editor.locator('.downloads a[data-export="xlsx"]').count(), 1)
  })

  it('passes axe, fits 360 px, and switches to English', async () => {
    const page = await pageAs(c.staff)
    await openSynthesis(page)
    await b.review(page, 'synthesis')
    await page.getByRole('button', { name: 'English' }).click()
    await until(page, 'in English', () => document.querySelector('h1')?.textContent === 'Consultation report', undefined, WAIT)
    assert.equal(await page.getByRole('img', { name: /Participants by profile/ }).count(), 1)
    assert.match(await text(page.locator('.downloads')), /Word\s*editable report/)
    // The downloads follow the interface language.
    const docx = await page.locator('.downloads a[data-export="docx"]').getAttribute('href')
    assert.match(docx ?? '', /[?&]lang=en(?:&|$)/)
    const r = await page.request.get(b.url + docx!)
    assert.equal(r.status(), 200)
    assert.match(r.headers()['content-disposition'] ?? '', /-synthesis-\d{4}-\d\d-\d\d\.docx/)
  })

  it('a closed consultation links to its synthesis from the home page', async () => {
    // A bill of its own, so that the consultation of the other tests stays open.
    const own = await publishedBill(c.editor)
    const closed = await c.editor.post(`/bills/${own.id}/close`, {})
    assert.equal(closed.status, 200, JSON.stringify(closed.body))
    const page = await pageAs(null)
    await page.goto(`${b.url}/`)
    const link = page.locator('#closed-title + .bill-list').getByRole('link', { name: 'Synthèse de la consultation' })
    await link.waitFor()
    await link.click()
    await until(page, 'the synthesis opens', (path: string) => location.pathname === path && document.querySelector('.synthesis-participation') !== null, `/bills/${own.id}/synthesis`, WAIT)
  })
})
