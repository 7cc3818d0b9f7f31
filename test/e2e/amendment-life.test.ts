/**
 * An amendment's life on its page, in a real browser: the vote, the editors'
 * decision and response arriving live; after a new revision, the banner
 * "L'article a changé depuis cet amendement" with the rebased version that
 * its author confirms, or the conflict side by side; withdrawal by its
 * author. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { ARTICLE_2, proposed } from '../helpers/amendments.ts'
import { publishEdits } from '../helpers/edit.ts'
import { liveReady, text, until } from '../helpers/pages.ts'

describe('Browser: an amendment\'s page through its life', function () {
  this.timeout(90_000)
  const b = browserSuite()
  let page: Page
  let editor: ApiClient
  let citizen: ApiClient
  let bill: any
  let art2 = ''

  before(async () => {
    editor = await b.s.as('author', 'Mme Dupont')
    citizen = await b.s.as('citizen', 'Alex Amendeur')
  })

  // Each test has its own bill (revisions move) and its own page.
  beforeEach(async () => {
    bill = await publishedBill(editor)
    art2 = bill.articles[1].id
    page = await b.newPage(citizen)
  })

  it('votes on the amendment; the editors\' decision and response arrive live and close the vote', async () => {
    const am = await proposed(citizen, art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    await page.goto(`${b.url}/amendments/${am.id}`)
    await liveReady(page)
    const vote = page.locator('.amendment-vote')
    await vote.locator('.vote__button[data-value="mixed"]:not([disabled])').click()
    await until(page, '"Mitigé" is pressed', () => document.querySelector('.amendment-vote .vote__button[data-value="mixed"]')?.getAttribute('aria-pressed') === 'true')
    assert.deepEqual((await b.s.client().get(`/amendments/${am.id}`)).body.tally, { for: 0, mixed: 1, against: 0 })
    assert.equal(await text(vote.locator('.tally__fig[data-value="mixed"] .tally__count')), '1')

    const decided = await editor.post(`/amendments/${am.id}/decision`, { status: 'accepted', response: 'Adopté : le délai de quinze jours est retenu.' })
    assert.equal(decided.status, 200, JSON.stringify(decided.body))
    await until(page, 'the decision arrives', () => document.querySelector('.amendment-header [data-status]')?.getAttribute('data-status') === 'accepted')
    assert.equal(await text(page.locator('#decision-title')), 'Décision des rapporteurs : Adopté')
    assert.match(await text(page.locator('.decision')), /Adopté : le délai de quinze jours est retenu\./)
    assert.match(await text(page.locator('.decision')), /Par Mme Dupont/)
    assert.equal(await vote.locator('.vote__button[data-value="for"]').isDisabled(), true)
    assert.match(await text(vote.locator('.vote__reason')), /Cet amendement est adopté : le vote est clos\./)
    assert.equal(await page.getByRole('button', { name: 'Retirer mon amendement' }).count(), 0, 'a decided amendment cannot be withdrawn')

    // Its debate goes on; an argument posted elsewhere arrives live, with the count.
    assert.match(await text(page.locator('#debate-title')), /Arguments sur cet amendement \(0\)/)
    assert.equal((await (await b.s.as('citizen')).post(`/amendments/${am.id}/arguments`, { side: 'against', body: 'Quinze jours, c’est court.' })).status, 201)
    await page.locator('.argument-column[data-side="against"] .argument__body', { hasText: 'Quinze jours, c’est court.' }).waitFor()
    await until(page, 'the count follows', () => /\(1\)/.test(document.querySelector('#debate-title')?.textContent ?? ''))
  })

  it('after a new revision, shows the banner with the rebased version, which its author confirms', async () => {
    const am = await proposed(citizen, art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    const latest = [ARTICLE_2[0], 'Un décret en Conseil d’État fixe les modalités.']
    bill = await publishEdits(b.s.app, editor, bill, { [art2]: latest })
    await page.goto(`${b.url}/amendments/${am.id}`)
    const banner = page.locator('section.stale')
    await banner.waitFor()
    assert.equal(await text(banner.locator('h2')), '⚠ L’article a changé depuis cet amendement')
    assert.match(await text(banner), /révision 1 .*\(révision 2\)/)
    assert.equal(await text(banner.locator('li[data-kind="changed"] ins')), 'début d’insertion quinze fin d’insertion')
    assert.match(await text(banner.locator('li[data-kind="kept"]')), /Conseil d’État/)
    assert.match(await text(banner.locator('blockquote')), /substituer au mot : « trente » le mot : « quinze »/)
    const [rebased] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/amendments/${am.id}/rebase`)),
      banner.getByRole('button', { name: 'Confirmer cette version' }).click()
    ])
    assert.equal(rebased.status(), 200)
    await banner.waitFor({ state: 'detached' })
    assert.match(await text(page.locator('.announcer')), /porte désormais sur le texte actuel/)
    const after = (await b.s.client().get(`/amendments/${am.id}`)).body
    assert.deepEqual([after.stale, after.baseRevision, after.alineas], [false, 2, ['Le délai est de quinze jours.', latest[1]]])
    assert.match(await text(page.locator('section[aria-labelledby="diff-side-title"]')), /Conseil d’État/)
  })

  it('shows a conflicting change side by side, and another reader cannot confirm anything', async () => {
    bill = await publishEdits(b.s.app, editor, bill, { [art2]: [ARTICLE_2[0], 'Un décret en Conseil d’État fixe les modalités.'] })
    const am = await proposed(citizen, art2, ['Le délai est de vingt jours.', 'Un décret en Conseil d’État fixe les modalités.'], { baseRevision: 2 })
    bill = await publishEdits(b.s.app, editor, bill, { [art2]: ['Le délai est de quarante jours.', 'Un décret en Conseil d’État fixe les modalités.'] })
    await page.goto(`${b.url}/amendments/${am.id}`)
    const banner = page.locator('section.stale')
    await banner.waitFor()
    const table = banner.locator('table.conflict')
    assert.deepEqual(await table.locator('thead th').allTextContents(), ['Texte actuel de l’article', 'Texte de l’amendement'])
    const cells = await table.locator('tbody td').allTextContents()
    assert.match(cells[0], /quarante/)
    assert.match(cells[1], /vingt/)
    assert.match(await text(table.locator('tfoot')), /Texte initial : .*trente/)
    assert.equal(await banner.getByRole('button', { name: 'Confirmer cette version' }).count(), 0)
    assert.equal(await banner.getByRole('link', { name: 'Proposer un amendement sur le texte actuel' }).getAttribute('href'), `/articles/${art2}/amend`)

    const otherPage = await b.newPage(await b.s.as('citizen'))
    await otherPage.goto(`${b.url}/amendments/${am.id}`)
    await otherPage.locator('section.stale').waitFor()
    assert.equal(await otherPage.getByRole('link', { name: 'Proposer un amendement sur le texte actuel' }).count(), 0)
    assert.equal(await otherPage.getByRole('button', { name: 'Retirer mon amendement' }).count(), 0)
  })

  it('lets its author withdraw it while proposed', async () => {
    // A stale one (the article changed since), so that the withdrawal also takes the rebase away.
    const am = await proposed(citizen, art2, ['Le délai est de vingt jours.', ARTICLE_2[1]])
    bill = await publishEdits(b.s.app, editor, bill, { [art2]: ['Le délai est de quarante jours.', ARTICLE_2[1]] })
    await page.goto(`${b.url}/amendments/${am.id}`)
    await page.locator('section.stale').waitFor()
    page.once('dialog', d => { assert.match(d.message(), /Retirer cet amendement/); void d.accept() })
    const [withdrawn] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/amendments/${am.id}/withdraw`)),
      page.getByRole('button', { name: 'Retirer mon amendement' }).click()
    ])
    assert.equal(withdrawn.status(), 200)
    await until(page, 'the status reads "Retiré"', () => document.querySelector('.amendment-header [data-status]')?.getAttribute('data-status') === 'withdrawn')
    assert.match(await text(page.locator('.amendment-header')), /Retiré/)
    assert.equal(await page.getByRole('button', { name: 'Retirer mon amendement' }).count(), 0)
    assert.equal(await page.locator('section.stale').count(), 0, 'a withdrawn amendment has no rebase on offer')
  })
})
