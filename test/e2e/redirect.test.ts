/**
 * No open redirect after signing in or registering: `?next=` that resolves
 * to another origin (a tab or a backslash hidden in the path, a scheme, a
 * protocol-relative address) lands on the home page; a same-origin path is
 * followed. Another site is never contacted: requests to it are answered
 * by the test and recorded. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { browserSuite } from '../helpers/browser-suite.ts'

const HOSTILE = [
  '%2F%09%2Fevil.example%2Fx', // "/\t/evil.example/x": the browser drops the tab, leaving "//evil.example/x"
  '%2F%0A%2Fevil.example%2Fx',
  '%2F%5Cevil.example%2Fx', // "/\evil.example/x"
  '%2F%2Fevil.example%2Fx',
  'https%3A%2F%2Fevil.example%2Fx',
  'javascript%3Aalert(1)'
]

describe('Browser: no open redirect after signing in', function () {
  this.timeout(120_000)
  const b = browserSuite()
  let page: Page
  const elsewhere: string[] = []
  let n = 0

  beforeEach(async () => {
    const context = await b.newContext()
    // Anything not served by our server is answered here, and recorded.
    await context.route(url => !url.href.startsWith(b.url), route => {
      elsewhere.push(route.request().url())
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>evil</title>' })
    })
    page = b.watch(await context.newPage())
  })

  /** Signs in on /login?next=<next> and waits for the page that follows (ours or another). */
  async function signInWith (next: string): Promise<URL> {
    const email = `redirect${n++}@example.org`
    assert.equal((await b.s.client().post('/auth/register', { email, password: 'correct horse battery', displayName: `Lecteur ${n}` })).status, 201)
    await page.goto(`${b.url}/login?next=${next}`)
    await page.getByLabel('Adresse électronique').fill(email)
    await page.getByLabel('Mot de passe').fill('correct horse battery')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL(url => url.origin !== b.url || url.pathname !== '/login')
    return new URL(page.url())
  }

  for (const next of HOSTILE) {
    it(`stays on the site with next=${next}`, async () => {
      const landed = await signInWith(next)
      assert.equal(landed.origin, b.url, `landed on ${landed.href}`)
      assert.equal(landed.pathname, '/')
      assert.deepEqual(elsewhere.splice(0), [], 'no request left for another site')
    })
  }

  it('follows a same-origin path, with its query and hash', async () => {
    const landed = await signInWith(encodeURIComponent('/account?tab=tokens#top'))
    assert.equal(landed.origin, b.url)
    assert.equal(landed.pathname + landed.search + landed.hash, '/account?tab=tokens#top')
  })

  it('does the same after registering', async () => {
    await page.goto(`${b.url}/register?next=${HOSTILE[0]}`)
    await page.getByLabel('Nom affiché').fill('Nouvelle lectrice')
    await page.getByLabel('Adresse électronique').fill('nouvelle@example.org')
    await page.getByLabel('Mot de passe').fill('correct horse battery')
    await page.getByRole('button', { name: 'Créer mon compte' }).click()
    await page.waitForURL(url => url.origin !== b.url || url.pathname !== '/register')
    const landed = new URL(page.url())
    assert.equal(landed.origin, b.url, `landed on ${landed.href}`)
    assert.equal(landed.pathname, '/')
    assert.deepEqual(elsewhere.splice(0), [])
  })
})
