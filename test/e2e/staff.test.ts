/**
 * The editors', moderators' and clerks' pages in a real browser against the
 * real server: an editor accepts a citizen's amendment with a response (the
 * response is required first), and finds it in the consolidated text and the
 * comparison table; a second accepted amendment changing the same words is
 * listed as a conflict with its passages; an amendment filed meanwhile is
 * announced live and shown on request. A moderator hides a reported
 * argument from the queue with a reason: the public article page shows the
 * placeholder, the log lists the action, "Rétablir" from the log brings the
 * text back, and its author reads why on their account page. A citizen gets
 * "Accès refusé" on /moderation. axe-core on each page (no serious or
 * critical violation), nothing wider than 360 px, screenshots at 360 / 1280 px.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'

const WAIT = 20_000

describe('Browser: editors decide, clerks compare, moderators moderate', function () {
  this.timeout(180_000)

  const b = browserSuite({ timeout: WAIT })
  let editor: ApiClient & { userId: string }
  let author: ApiClient & { userId: string }
  let rival: ApiClient & { userId: string }
  let moderator: ApiClient & { userId: string }
  let bill: any
  let first: any
  let second: any
  let amendmentA: any
  let amendmentB: any
  let argument: any
  const pageAs = (client: ApiClient | null): Promise<Page> => b.newPage(client, { bypassCSP: true })

  before(async () => {
    editor = await b.s.as('author', 'Mme la Rapporteure')
    author = await b.s.as('citizen', 'Camille Martin')
    rival = await b.s.as('citizen', 'Léo Durand')
    moderator = await b.s.as('moderator', 'Modératrice Nadia')
  })

  /** Decides an amendment through the API, as an editor does on the decisions page. */
  async function decide (amendment: any, response: string): Promise<void> {
    const r = await editor.post(`/amendments/${amendment.id}/decision`, { status: 'accepted', response })
    assert.equal(r.status, 200, JSON.stringify(r.body))
  }

  /**
   * Each test's own consultation: a bill with two amendments to article 2 changing the same word
   * (A: quinze, by Camille Martin; B: soixante, by Léo Durand), `accepted` of them already adopted.
   */
  async function consultation (accepted: ('A' | 'B')[] = []): Promise<void> {
    bill = await publishedBill(editor)
    ;[first, second] = bill.articles
    const propose = async (who: ApiClient, alineas: string[], explanation: string) => {
      const r = await who.post(`/articles/${second.id}/amendments`, { alineas, explanation, baseRevision: bill.revision })
      assert.equal(r.status, 201, JSON.stringify(r.body))
      return r.body
    }
    amendmentA = await propose(author, ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'], 'Quinze jours suffisent.')
    amendmentB = await propose(rival, ['Le délai est de soixante jours.', 'Un décret fixe les modalités.'], 'Laisser du temps aux communes.')
    if (accepted.includes('A')) await decide(amendmentA, 'Adopté : quinze jours suffisent.')
    if (accepted.includes('B')) await decide(amendmentB, 'Adopté aussi, à concilier.')
  }

  it('the editor finds the amendments to decide from the bill page and accepts one with a response (required)', async () => {
    await consultation()
    const page = await pageAs(editor)
    await page.goto(`${b.url}/bills/${bill.id}`)
    await page.getByRole('link', { name: 'Amendements à décider' }).click()
    await until(page, 'the amendments page', (path: string) => location.pathname === path && document.querySelectorAll('.decision').length === 2, `/bills/${bill.id}/amendments`, WAIT)
    assert.equal(await page.locator('.filters__count').getAttribute('data-count'), '2')
    const row = page.locator(`.decision[data-amendment-id="${amendmentA.id}"]`)
    assert.match(await text(row.locator('.wording')), /« trente » .*« quinze »/, 'the dispositif is shown')
    assert.equal(await row.locator('.diff-ins').count() > 0, true, 'the diff is shown')
    assert.match(await text(row.locator('.tally-line')), /Pour 0/)

    // No response: refused here, nothing sent, the field says why.
    let posted = false
    page.on('request', r => { if (r.method() === 'POST' && r.url().includes('/decision')) posted = true })
    await row.getByRole('button', { name: 'Adopter' }).click()
    await until(page, 'the response is asked for', (id: string) => document.querySelector(`#response-${id}`)?.getAttribute('aria-invalid') === 'true', amendmentA.id, WAIT)
    assert.match(await text(row.locator('.feedback')), /Écrivez la réponse des rapporteurs/)
    await until(page, 'the focus goes to the response', () => document.activeElement?.tagName === 'TEXTAREA')
    assert.equal(posted, false)

    await row.getByLabel(/Réponse des rapporteurs/).fill('Adopté : quinze jours suffisent.')
    const [response] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/amendments/${amendmentA.id}/decision`)),
      row.getByRole('button', { name: 'Adopter' }).click()
    ])
    assert.equal(response.status(), 200)
    await until(page, 'the row shows the decision', (id: string) => document.querySelector(`.decision[data-amendment-id="${id}"] [data-decided="accepted"]`) !== null, amendmentA.id, WAIT)
    assert.match(await text(row.locator('.decision__done')), /Adopté : quinze jours suffisent\./)
    assert.match(await text(row), /Amendement adopté\./)
    const stored = await editor.get(`/amendments/${amendmentA.id}`)
    assert.equal(stored.body.status, 'accepted')
    assert.equal(stored.body.decision.response, 'Adopté : quinze jours suffisent.')

    // Filters: the accepted ones, kept in the address.
    await page.getByLabel('Statut').selectOption('accepted')
    await until(page, 'only the accepted one', () => document.querySelector('.filters__count')?.getAttribute('data-count') === '1', undefined, WAIT)
    assert.match(page.url(), /status=accepted/)
    assert.equal(await page.locator('.decision').getAttribute('data-amendment-id'), amendmentA.id)
  })

  it('shows the accepted amendment in the consolidated text and in the comparison table', async () => {
    await consultation(['A'])
    const page = await pageAs(editor)
    await page.goto(`${b.url}/bills/${bill.id}/amendments`)
    await page.locator('.bill-tools').getByRole('link', { name: 'Texte consolidé' }).click()
    await until(page, 'the consolidated page', () => document.querySelector('.comparison') !== null, undefined, WAIT)
    const group = page.locator(`.comparison tbody[data-article-id="${second.id}"]`)
    const headers = await page.locator('.comparison thead th').allTextContents()
    assert.deepEqual(headers, ['Texte initial (révision 1)', 'Texte consolidé (révision 1 et amendements adoptés)'])
    const changed = group.locator('tr[data-kind="changed"]')
    assert.match(await text(changed.locator('td').nth(0)), /trente/)
    assert.match(await text(changed.locator('td').nth(1).locator('.diff-changed')), /quinze/, 'the change is marked in the consolidated column')
    await until(page, 'the applied amendment is named', (id: string) => document.querySelector(`.comparison .amendment-ref[data-amendment-id="${id}"]`)?.textContent?.includes('Camille Martin') === true, amendmentA.id, WAIT)
    assert.equal(await group.locator('.comparison__applied a').getAttribute('href'), `/amendments/${amendmentA.id}`)
    assert.equal(await page.locator(`.comparison tbody[data-article-id="${first.id}"] .comparison__unchanged`).count(), 1)
    const text2 = page.locator(`.consolidated-article[data-article-id="${second.id}"] .alinea__text`)
    assert.deepEqual(await text2.allTextContents(), ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'])
    assert.equal(await page.locator('#conflicts').count(), 0, 'no conflict yet')
    await b.review(page, 'staff-consolidated')
  })

  it('accepts an overlapping amendment with the keyboard: it is listed as a conflict with its passages, never hidden', async () => {
    await consultation(['A'])
    const page = await pageAs(editor)
    await page.goto(`${b.url}/bills/${bill.id}/amendments`)
    await until(page, 'one amendment to decide', () => document.querySelector('.filters__count')?.getAttribute('data-count') === '1', undefined, WAIT)
    // j moves to the amendment, Tab reaches its response field.
    await page.locator('h1').focus()
    await page.keyboard.press('j')
    await until(page, 'j focuses the amendment', (id: string) => document.activeElement?.getAttribute('data-amendment-id') === id, amendmentB.id, WAIT)
    await page.locator(`#response-${amendmentB.id}`).focus()
    await page.keyboard.type('Adopté aussi, à concilier.')
    await page.keyboard.press('Tab')
    await until(page, 'the focus is on the accepted decision', () => document.activeElement?.getAttribute('data-decision') === 'accepted')
    const [response] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/amendments/${amendmentB.id}/decision`)),
      page.keyboard.press('Enter')
    ])
    assert.equal(response.status(), 200)
    await until(page, 'decided', (id: string) => document.querySelector(`.decision[data-amendment-id="${id}"] [data-decided="accepted"]`) !== null, amendmentB.id, WAIT)
    await until(page, 'the focus lands on the decision', () => document.activeElement?.classList.contains('decision__done') === true)

    await page.goto(`${b.url}/bills/${bill.id}/consolidated`)
    await until(page, 'the conflicts are listed', () => document.querySelector('#conflicts') !== null, undefined, WAIT)
    assert.match(await text(page.locator('.banner--conflict')), /1 amendement adopté n’a pas pu être appliqué/)
    const conflict = page.locator(`#conflicts [data-conflict-amendment="${amendmentB.id}"]`)
    assert.equal(await conflict.count(), 1)
    assert.match(await text(conflict.locator('td').nth(0)), /quinze/, 'the text consolidated so far')
    assert.match(await text(conflict.locator('td').nth(1)), /soixante/, 'the amendment\'s passage')
    assert.match(await text(conflict.locator('tfoot')), /trente/, 'the initial text')
    await until(page, 'the conflicting amendment is named', (id: string) => document.querySelector(`#conflicts .amendment-ref[data-amendment-id="${id}"]`)?.textContent?.includes('Léo Durand') === true, amendmentB.id, WAIT)
    assert.match(await text(page.locator(`.comparison tbody[data-article-id="${second.id}"] .comparison__conflicts`)), /Léo Durand/)
    const consolidated = await editor.get(`/bills/${bill.id}/consolidated`)
    const art = consolidated.body.articles.find((a: any) => a.articleId === second.id)
    assert.deepEqual(art.applied, [amendmentA.id])
    assert.deepEqual(art.conflicts.map((c: any) => c.amendmentId), [amendmentB.id])
    await b.review(page, 'staff-consolidated-conflict')
  })

  it('announces an amendment filed meanwhile, shows it on request, follows a decision taken elsewhere, and passes axe', async () => {
    await consultation(['A', 'B'])
    const page = await pageAs(editor)
    await page.goto(`${b.url}/bills/${bill.id}/amendments?status=all`)
    await until(page, 'two amendments', () => document.querySelector('.filters__count')?.getAttribute('data-count') === '2', undefined, WAIT)
    await until(page, 'the page is live', () => document.querySelector('[data-live]')?.getAttribute('data-live') === 'live', undefined, WAIT)
    const third = await rival.post(`/articles/${first.id}/amendments`, { alineas: ['Premier alinéa modifié de l\'article premier.'], explanation: 'Préciser.', baseRevision: bill.revision })
    assert.equal(third.status, 201)
    await until(page, 'the new amendment is announced', () => document.querySelector('.fresh') !== null, undefined, WAIT)
    assert.match(await text(page.locator('.fresh')), /1 nouvel amendement/)
    assert.equal(await page.locator('.decision').count(), 2, 'rows do not move by themselves')
    await page.getByRole('button', { name: 'Les afficher' }).click()
    await until(page, 'three amendments', () => document.querySelector('.filters__count')?.getAttribute('data-count') === '3', undefined, WAIT)
    assert.equal(await page.locator(`.decision[data-amendment-id="${third.body.id}"]`).count(), 1)
    await until(page, 'live again after the reload', () => document.querySelector('[data-live]')?.getAttribute('data-live') === 'live', undefined, WAIT)
    // Decided by another editor's session: the row follows without a reload.
    const other = await b.s.as('admin', 'Administratrice')
    assert.equal((await other.post(`/amendments/${third.body.id}/decision`, { status: 'rejected', response: 'Rejeté ailleurs.' })).status, 200)
    await until(page, 'the row shows the decision taken elsewhere', (id: string) =>
      document.querySelector(`.decision[data-amendment-id="${id}"] [data-decided="rejected"]`) !== null, third.body.id, WAIT)
    assert.match(await text(page.locator(`.decision[data-amendment-id="${third.body.id}"]`)), /Rejeté ailleurs\./)
    await b.review(page, 'staff-decisions')
  })

  it('a moderator hides a reported argument from the queue; the article shows the placeholder; the log lists it; restoring brings it back', async () => {
    // The only reported contribution of the server: an off-topic argument on article 1, by Camille Martin.
    bill = await publishedBill(editor)
    ;[first, second] = bill.articles
    const arg = await author.post(`/articles/${first.id}/arguments`, { side: 'for', body: 'Un argument hors sujet sur la météo.' })
    assert.equal(arg.status, 201)
    argument = arg.body
    assert.equal((await rival.post('/reports', { target: { type: 'argument', id: argument.id }, reason: 'off_topic', body: 'Rien à voir avec l’article.' })).status, 201)
    const page = await pageAs(moderator)
    await page.goto(`${b.url}/`)
    await page.getByRole('link', { name: 'Modération' }).click()
    await until(page, 'the queue', () => document.querySelectorAll('.queue-item').length === 1, undefined, WAIT)
    const item = page.locator(`.queue-item[data-target-id="${argument.id}"]`)
    assert.match(await text(item.locator('.queue-item__body')), /hors sujet sur la météo/)
    assert.match(await text(item.locator('.reports')), /Hors sujet.*Rien à voir avec l’article.*Léo Durand/)
    assert.match(await text(item.locator('.queue-item__context')), new RegExp(`${bill.title}.*Article 1er`))
    assert.equal(await item.getByLabel('Catégorie').inputValue(), 'off_topic', 'the category reported most is proposed')
    await b.review(page, 'staff-moderation')

    // Without the moderator's words nothing is sent: the author must be able to read why.
    await item.getByRole('button', { name: 'Masquer' }).click()
    assert.match(await text(item.locator('.feedback')), /Écrivez le motif/)
    await item.getByLabel('Motif adressé à l’auteur').fill('Cet argument parle de la météo, pas de l’article.')
    const [response] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith('/moderation/actions')),
      item.getByRole('button', { name: 'Masquer' }).click()
    ])
    assert.equal(response.status(), 201)
    // The item leaves the queue at once (its count drops without a reload) and heads the log with its excerpt.
    await until(page, 'out of the queue and logged', () => document.querySelectorAll('.queue-item').length === 0 &&
      document.querySelector('.mod-log__entry')?.getAttribute('data-action') === 'hide', undefined, WAIT)
    assert.match(await text(page.locator('.mod-queue__count')), /Aucune contribution à examiner/)
    assert.match(await text(page.locator('.mod-log__entry').first().locator('.mod-log__excerpt')), /hors sujet sur la météo/)

    const reader = await pageAs(null)
    await reader.goto(`${b.url}/articles/${first.id}`)
    const shown = reader.locator(`#argument-${argument.id}`)
    await shown.waitFor()
    assert.match(await text(shown), /Masqué par la modération : hors sujet/)
    assert.doesNotMatch(await text(shown), /météo/)

    // A fresh load: the queue is empty, the log keeps the action and offers to restore it.
    await page.reload()
    await until(page, 'the log after reload', (id: string) => document.querySelector(`.mod-log__entry[data-target-id="${id}"]`) !== null, argument.id, WAIT)
    assert.match(await text(page.locator('.mod-queue__count')), /Aucune contribution à examiner/)
    const entry = page.locator(`.mod-log__entry[data-target-id="${argument.id}"]`).first()
    assert.match(await text(entry), /Masqué \(Hors sujet\) — « Cet argument parle de la météo, pas de l’article\. ».*par Modératrice Nadia/)
    await entry.getByLabel('Motif du rétablissement').fill('Signalement abusif : l’argument répond bien à l’article.')
    const [restored] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith('/moderation/actions')),
      entry.getByRole('button', { name: 'Rétablir' }).click()
    ])
    assert.equal(restored.status(), 201)
    await until(page, 'the restore is logged first', () => document.querySelector('.mod-log__entry')?.getAttribute('data-action') === 'restore', undefined, WAIT)
    assert.equal(await page.locator('.mod-log [data-action="restore"] button').count(), 0, 'nothing left to restore')

    await reader.reload()
    await reader.locator(`#argument-${argument.id}`).waitFor()
    assert.match(await text(reader.locator(`#argument-${argument.id}`)), /hors sujet sur la météo/)
  })

  it('the argument\'s author reads on their account page what moderation did, and why', async () => {
    // An argument of its own, hidden then restored by a moderator with their words.
    const writer = await b.s.as('citizen', 'Inès Moreau')
    const own = await publishedBill(editor)
    const arg = await writer.post(`/articles/${own.articles[0].id}/arguments`, { side: 'for', body: 'Un argument hors sujet sur la météo.' })
    assert.equal(arg.status, 201)
    const target = { type: 'argument', id: arg.body.id }
    assert.equal((await moderator.post('/moderation/actions', { target, action: 'hide', category: 'off_topic', reason: 'Cet argument parle de la météo, pas de l’article.' })).status, 201)
    assert.equal((await moderator.post('/moderation/actions', { target, action: 'restore', reason: 'Signalement abusif : l’argument répond bien à l’article.' })).status, 201)

    const page = await pageAs(writer)
    await page.goto(`${b.url}/`)
    await page.getByRole('link', { name: /Connecté en tant que Inès Moreau/ }).click()
    await until(page, 'the account page', () => location.pathname === '/account' && document.querySelectorAll('.notification[data-kind="moderation"]').length === 2, undefined, WAIT)
    assert.match(await text(page.locator('[data-field="displayName"]')), /Inès Moreau/)
    assert.match(await text(page.locator('[data-field="role"]')), /Participant/)
    const notes = await page.locator('.notification[data-kind="moderation"] .notification__text').allTextContents()
    assert.match(notes[0], /Votre argument a été rétabli \(Signalement abusif : l’argument répond bien à l’article\)\./)
    assert.match(notes[1], /Votre argument a été masqué par la modération : Cet argument parle de la météo, pas de l’article\./)
    assert.equal(await page.getByRole('link', { name: 'Modération' }).count(), 0, 'no moderation link for a citizen')
    await b.review(page, 'staff-account')
  })

  it('a citizen is not allowed on /moderation, and a visitor is asked to sign in', async () => {
    const page = await pageAs(rival)
    await page.goto(`${b.url}/moderation`)
    await until(page, 'not allowed', () => document.querySelector('[data-not-allowed="forbidden"]') !== null, undefined, WAIT)
    assert.equal(await text(page.locator('h1')), 'Accès refusé')
    assert.match(await text(page.locator('[role="alert"]')), /réservée aux modérateurs/)
    assert.equal(await page.locator('.queue-item').count(), 0)
    await b.review(page, 'staff-moderation-forbidden')

    const visitor = await pageAs(null)
    await visitor.goto(`${b.url}/moderation`)
    await until(visitor, 'sign in asked', () => document.querySelector('[data-not-allowed="signin"]') !== null, undefined, WAIT)
    assert.equal(await visitor.getByRole('link', { name: 'Se connecter' }).last().getAttribute('href'), '/login?next=%2Fmoderation')
  })
})
