/**
 * Errors speak the reader's language (issue 16): a sign-up with a bad
 * address and a short password shows, in French and in English, each
 * problem next to its field (aria-invalid, aria-describedby); a wrong
 * password and a taken address are worded too, never the server's English.
 * Moderators: acting on an item takes it out of the queue and its count at
 * once, the log shows the excerpt kept with the action, and the badge of
 * content hidden after reports names the threshold.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'

const WAIT = 15_000

/** The error shown under the field `id`, and whether the field is marked and described by it. */
async function fieldError (page: Page, id: string): Promise<{ text: string; invalid: string | null; describedBy: string }> {
  return {
    text: await text(page.locator(`#${id}-error`)),
    invalid: await page.locator(`#${id}`).getAttribute('aria-invalid'),
    describedBy: (await page.locator(`#${id}`).getAttribute('aria-describedby')) ?? ''
  }
}

describe('Browser: errors in the reader\'s language, and the moderators\' queue', function () {
  this.timeout(180_000)

  const b = browserSuite({ config: { autohideReports: 3 }, timeout: WAIT })
  const pageAs = (client: ApiClient | null, locale = 'fr-FR'): Promise<Page> => b.newPage(client, { bypassCSP: true, locale })

  async function badSignUp (page: Page, labels: { name: string; email: string; password: string; submit: string }): Promise<void> {
    await page.goto(`${b.url}/register`)
    await page.getByLabel(labels.name).fill('Jeanne Test')
    await page.getByLabel(labels.email).fill('pas-une-adresse')
    await page.getByLabel(labels.password).fill('court')
    await page.getByRole('button', { name: labels.submit }).click()
    await until(page, 'the field errors are shown', () => document.querySelector('#email-error') !== null && document.querySelector('#password-error') !== null, undefined, WAIT)
  }

  it('a sign-up with a bad address and a short password: French words next to each field', async () => {
    const page = await pageAs(null)
    await badSignUp(page, { name: 'Nom affiché', email: 'Adresse électronique', password: 'Mot de passe', submit: 'Créer mon compte' })
    const email = await fieldError(page, 'email')
    assert.equal(email.text, '⚠ Saisissez une adresse électronique valide, par exemple nom@exemple.fr.')
    assert.equal(email.invalid, 'true')
    assert.ok(email.describedBy.split(' ').includes('email-error'), `the field is described by its error: ${email.describedBy}`)
    const password = await fieldError(page, 'password')
    assert.equal(password.text, '⚠ Trop court : au moins 10 caractères.')
    assert.equal(password.invalid, 'true')
    assert.deepEqual(password.describedBy.split(' '), ['password-hint', 'password-error'])
    assert.equal(await page.locator('#displayName').getAttribute('aria-invalid'), null, 'a right field is not marked')
    assert.equal(await text(page.locator('.form-error')), '⚠ Le formulaire contient des erreurs : corrigez les champs signalés.')
    const all = await text(page.locator('main'))
    assert.doesNotMatch(all, /invalid|Invalid|body:/, 'no English from the server')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email', 'the focus is on the first field to correct')
    assert.equal(await page.getByLabel('Adresse électronique').inputValue(), 'pas-une-adresse', 'the form keeps what was typed')
    await b.review(page, 'errors-register-fr')
  })

  it('the same sign-up in English: English words next to each field', async () => {
    const page = await pageAs(null, 'en-GB')
    await badSignUp(page, { name: 'Display name', email: 'Email address', password: 'Password', submit: 'Create my account' })
    assert.equal((await fieldError(page, 'email')).text, '⚠ Enter a valid e-mail address, for example name@example.org.')
    assert.equal((await fieldError(page, 'password')).text, '⚠ Too short: at least 10 characters.')
    assert.equal(await text(page.locator('.form-error')), '⚠ The form has errors: correct the fields marked.')
    await b.review(page, 'errors-register-en')
  })

  it('a wrong password and a taken address are worded in the reader\'s language', async () => {
    const taken = b.s.client()
    assert.equal((await taken.post('/auth/register', { email: 'prise@example.org', password: 'correct horse battery', displayName: 'Déjà Là' })).status, 201)

    const fr = await pageAs(null)
    await fr.goto(`${b.url}/login`)
    await fr.getByLabel('Adresse électronique').fill('prise@example.org')
    await fr.getByLabel('Mot de passe').fill('pas le bon mot de passe')
    await fr.getByRole('button', { name: 'Se connecter' }).click()
    await until(fr, 'the refusal is said', () => document.querySelector('.form-error') !== null, undefined, WAIT)
    assert.equal(await text(fr.locator('.form-error')), '⚠ Adresse électronique ou mot de passe incorrect.')
    await b.review(fr, 'errors-login-fr')

    const en = await pageAs(null, 'en-US')
    await en.goto(`${b.url}/login`)
    await en.getByLabel('Email address').fill('prise@example.org')
    await en.getByLabel('Password').fill('not the password')
    await en.getByRole('button', { name: 'Sign in' }).click()
    await until(en, 'the refusal is said', () => document.querySelector('.form-error') !== null, undefined, WAIT)
    assert.equal(await text(en.locator('.form-error')), '⚠ Wrong e-mail address or password.')

    await fr.goto(`${b.url}/register`)
    await fr.getByLabel('Nom affiché').fill('Autre Personne')
    await fr.getByLabel('Adresse électronique').fill('prise@example.org')
    await fr.getByLabel('Mot de passe').fill('correct horse battery')
    await fr.getByRole('button', { name: 'Créer mon compte' }).click()
    await until(fr, 'the taken address is said at its field', () => document.querySelector('#email-error') !== null, undefined, WAIT)
    assert.equal((await fieldError(fr, 'email')).text, '⚠ Un compte utilise déjà cette adresse.')
  })

  it('a moderator acts: the queue and its count drop at once, the log shows the excerpt, the badge names the threshold', async () => {
    const author = await b.s.as('author', 'Mme Dupont')
    const moderator = await b.s.as('moderator', 'Modératrice Nadia')
    const bill = await publishedBill(author)
    const writer = await b.s.as('citizen', 'Camille Martin')
    const post = async (body: string) => (await writer.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'against', body })).body
    const spam = await post('Achetez mes casseroles, les meilleures de la région !')
    const weather = await post('Il fera beau demain sur toute la région.')
    const reporters = await Promise.all([1, 2, 3].map(i => b.s.as('citizen', `Rapporteur ${i}`)))
    for (const r of reporters) assert.equal((await r.post('/reports', { target: { type: 'argument', id: weather.id }, reason: 'off_topic' })).status, 201)
    assert.equal((await reporters[0].post('/reports', { target: { type: 'argument', id: spam.id }, reason: 'spam' })).status, 201)

    const page = await pageAs(moderator)
    await page.goto(`${b.url}/moderation`)
    await until(page, 'two items in the queue', () => document.querySelectorAll('.queue-item').length === 2, undefined, WAIT)
    assert.equal(await text(page.locator('.mod-queue__count')), '2 contributions à examiner')
    const hidden = page.locator(`.queue-item[data-target-id="${weather.id}"]`)
    assert.equal(await text(hidden.locator('.queue-item__state')), '⊘ Masqué automatiquement après 3 signalements')
    await b.review(page, 'errors-moderation-queue')

    // A marker on the window: it survives only if the page is not reloaded.
    await page.evaluate(() => { (window as any).__sameDocument = true })
    const item = page.locator(`.queue-item[data-target-id="${spam.id}"]`)
    await item.getByLabel('Motif adressé à l’auteur').fill('Publicité sans rapport avec le texte.')
    const [response] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith('/moderation/actions')),
      item.getByRole('button', { name: 'Masquer' }).click()
    ])
    assert.equal(response.status(), 201)
    await until(page, 'the item leaves the queue', (id: string) => document.querySelector(`.queue-item[data-target-id="${id}"]`) === null, spam.id, WAIT)
    assert.equal(await text(page.locator('.mod-queue__count')), '1 contribution à examiner')
    assert.equal(await page.locator('.mod-queue__count').getAttribute('data-count'), '1')
    assert.equal(await page.evaluate(() => (window as any).__sameDocument === true), true, 'no reload')
    const entry = page.locator('.mod-log__entry').first()
    assert.equal(await entry.getAttribute('data-target-id'), spam.id)
    assert.equal(await text(entry.locator('.mod-log__excerpt')), '« Achetez mes casseroles, les meilleures de la région ! »')
    await b.review(page, 'errors-moderation-acted')

    // The excerpt stays in the log after a reload (stored with the action), and the content may change meanwhile.
    await page.reload()
    await until(page, 'the log after reload', (id: string) => document.querySelector(`.mod-log__entry[data-target-id="${id}"] .mod-log__excerpt`) !== null, spam.id, WAIT)
    assert.match(await text(page.locator(`.mod-log__entry[data-target-id="${spam.id}"] .mod-log__excerpt`)), /Achetez mes casseroles/)
    assert.equal(await text(page.locator('.mod-queue__count')), '1 contribution à examiner')

    const english = await pageAs(moderator, 'en-GB')
    await english.goto(`${b.url}/moderation`)
    await until(english, 'the queue in English', () => document.querySelectorAll('.queue-item').length === 1, undefined, WAIT)
    assert.equal(await text(english.locator('.queue-item__state')), '⊘ Hidden automatically after 3 reports')
  })
})
