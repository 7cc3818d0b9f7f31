/**
 * User text is text, in the real page: an argument, an exposé sommaire and a
 * display name carrying <script>, <img onerror>, a javascript: link and HTML
 * entities are shown literally, whether they arrive live or with the page.
 * No dialog fires, no element is created from them, `javascript:` is never a
 * link, `&lt;b&gt;` reads as typed; only the http(s) address becomes a link.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { register } from '../../server/domain/accounts.ts'
import { liveReady, until } from '../helpers/pages.ts'

const NAME = '<img src=x onerror="window.__xss=1">Mallory'
const BODY = [
  '<script>window.__xss = 1; alert(1)</script>',
  '<img src=x onerror="window.__xss = 1; alert(1)">',
  '<a href="javascript:alert(1)">clique</a> et javascript:alert(1) et [lien](javascript:alert(1))',
  '&lt;b&gt;pas gras&lt;/b&gt; &amp; <b>pas gras non plus</b>',
  'Source : https://example.org/rapport?a=1&b=2.'
].join('\n')

/** What the page made of user text: dialogs, injected elements and links. */
async function inspect (page: Page) {
  return page.evaluate(() => ({
    xss: (window as any).__xss ?? null,
    scripts: [...document.querySelectorAll('main script, main img, main b, main iframe, main [onerror]')].map(e => e.outerHTML),
    links: [...document.querySelectorAll('main .user-text a')].map(a => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target'), text: a.textContent })),
    javascriptLinks: [...document.querySelectorAll('a')].filter(a => (a.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:')).length
  }))
}

describe('Browser: user text is text', function () {
  this.timeout(90_000)

  const b = browserSuite()
  let page: Page
  let author: ApiClient
  let reader: ApiClient
  let article: any
  let mallory: ApiClient
  let amendmentId = ''
  const dialogs: string[] = []

  before(async () => {
    author = await b.s.as('author', 'Mme Dupont')
    await register(b.s.app.ctx, { email: 'mallory@example.org', password: 'correct horse battery', displayName: NAME }, 'citizen')
    mallory = b.s.client()
    assert.equal((await mallory.post('/auth/login', { email: 'mallory@example.org', password: 'correct horse battery' })).status, 200)
    reader = await b.s.as('citizen', 'Lectrice')
  })

  // Each test has its own bill and page.
  beforeEach(async () => {
    article = (await publishedBill(author)).articles[1]
    page = await b.newPage(reader)
    page.on('dialog', d => { dialogs.push(d.message()); void d.dismiss() })
  })

  afterEach(() => {
    assert.deepEqual(dialogs.splice(0), [], 'no dialog fired')
  })

  /** The checks on a page showing BODY in `selector`. */
  async function assertLiteral (selector: string) {
    const shown = page.locator(selector).first()
    assert.equal(await shown.textContent(), BODY, 'the text reads exactly as typed')
    const seen = await inspect(page)
    assert.equal(seen.xss, null, 'no injected handler ran')
    assert.deepEqual(seen.scripts, [], 'no element created from user text')
    assert.equal(seen.javascriptLinks, 0, 'javascript: is never a link')
    assert.deepEqual(seen.links.filter(l => l.href !== 'https://example.org/rapport?a=1&b=2'), [], 'the only link is the http(s) address')
    assert.ok(seen.links.length >= 1)
    for (const l of seen.links) assert.deepEqual([l.rel, l.target, l.text], ['nofollow ugc noopener', '_blank', 'https://example.org/rapport?a=1&b=2'])
    assert.match(await shown.innerText(), /&lt;b&gt;pas gras&lt;\/b&gt; &amp; <b>pas gras non plus<\/b>/, 'entities show literally')
  }

  it('shows an argument arriving live as text, with its author\'s name as text', async () => {
    await page.goto(`${b.url}/articles/${article.id}`)
    await liveReady(page)
    const posted = await mallory.post(`/articles/${article.id}/arguments`, { side: 'for', body: BODY })
    assert.equal(posted.status, 201, JSON.stringify(posted.body))
    await until(page, 'the argument arrives', () => document.querySelectorAll('.argument').length === 1)
    await assertLiteral('.argument__body .user-text')
    assert.equal(await page.locator('.argument .author__name').textContent(), NAME)
  })

  it('shows it as text when it comes with the page too', async () => {
    assert.equal((await mallory.post(`/articles/${article.id}/arguments`, { side: 'for', body: BODY })).status, 201)
    await page.goto(`${b.url}/articles/${article.id}`)
    await page.locator('.argument').waitFor()
    await assertLiteral('.argument__body .user-text')
    assert.equal(await page.locator('.argument .author__name').textContent(), NAME)
  })

  it('shows an amendment\'s exposé and author as text, on the article and on the amendment page', async () => {
    await page.goto(`${b.url}/articles/${article.id}`)
    await liveReady(page)
    const am = await mallory.post(`/articles/${article.id}/amendments`, { alineas: ['Le délai est de <b>quinze</b> jours.', article.alineas[1]], explanation: BODY, baseRevision: article.revision })
    assert.equal(am.status, 201, JSON.stringify(am.body))
    amendmentId = am.body.id
    await until(page, 'the amendment count arrives', () => /Amendements \(1\)/.test(document.querySelector('#tab-amendments')?.textContent ?? ''))
    await page.getByRole('tab', { name: /Amendements/ }).click()
    await page.locator(`[data-amendment-id="${amendmentId}"]`).waitFor()
    await assertLiteral('.amendment-card .explanation .user-text')
    assert.match(await page.locator('.amendment-card h3').textContent() ?? '', /Amendement de <img src=x onerror/)
    assert.equal(await page.locator('.amendment-card ins b').count(), 0, 'markup in the proposed text is text as well')
    assert.match(await page.locator('.amendment-card ins').first().textContent() ?? '', /<b>quinze<\/b>/)

    await page.goto(`${b.url}/amendments/${amendmentId}`)
    await page.locator('#explanation-title').waitFor()
    await assertLiteral('section[aria-labelledby="explanation-title"] .user-text')
    assert.match(await page.locator('.amendment-header').textContent() ?? '', /Proposé par <img src=x onerror/)
  })
})
