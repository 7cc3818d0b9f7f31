/**
 * An article page with 200 arguments and 50 amendments (seeded through the
 * store, limits off): it shows the first page of each list, loads more on
 * "Voir plus", and its render time is measured, from navigation start to the
 * arguments list visible (both columns filled), cold and then warm (median
 * of reloads). The figures are printed, not asserted: benchmarks are not
 * tests. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { until } from '../helpers/pages.ts'
import { register } from '../../server/domain/accounts.ts'
import { describeChange } from '../../server/domain/amendment-text.ts'
import { newId } from '../../shared/ids.ts'
import type { AmendmentRecord, ArgumentRecord } from '../../server/store/store.ts'
import { ARTICLE_AMENDMENT } from '../../server/store/store.ts'

const ARGUMENTS = 200
const AMENDMENTS = 50
const PAGE = 20

/**
 * Records, in the page, when both argument columns first show a full page
 * (ms since navigation start). A string, so that nothing of the test's
 * compilation leaks into the page.
 */
const PROBE = `
(() => {
  const mark = () => {
    if (window.__argumentsVisible !== undefined) return true
    const forItems = document.querySelectorAll('.argument-column[data-side="for"] .argument').length
    const againstItems = document.querySelectorAll('.argument-column[data-side="against"] .argument').length
    const first = document.querySelector('.argument')
    if (forItems >= ${PAGE} && againstItems >= ${PAGE} && first && first.offsetParent !== null) {
      window.__argumentsVisible = performance.now()
      return true
    }
    return false
  }
  new MutationObserver((_, observer) => { if (mark()) observer.disconnect() }).observe(document, { childList: true, subtree: true })
})()
`

describe('Browser: an article with 200 arguments and 50 amendments', function () {
  this.timeout(120_000)

  const b = browserSuite()
  let page: Page
  let reader: ApiClient
  let article: any

  before(async () => {
    const author = await b.s.as('author', 'Mme Dupont')
    const bill = await publishedBill(author, [
      { num: '1er', alineas: ['Premier alinéa de l\'article premier.'] },
      { num: '2', alineas: Array.from({ length: 8 }, (_, i) => `Alinéa ${i + 1} : le délai applicable aux demandes mentionnées au présent article est de trente jours à compter de leur réception.`) }
    ])
    article = bill.articles[1]
    const store = b.s.app.ctx.store
    const record = (await store.getArticle(article.id))!
    const users = []
    for (let i = 0; i < 12; i++) users.push(await register(b.s.app.ctx, { email: `seed${i}@example.org`, password: 'correct horse battery', displayName: `Participant ${i + 1}` }))
    const t0 = Date.now() - 3_600_000
    for (let i = 0; i < ARGUMENTS; i++) {
      const a: ArgumentRecord = {
        id: newId('arg'), billId: bill.id, target: { type: 'article', id: article.id }, side: i % 2 ? 'against' : 'for',
        body: `Argument ${i + 1}. ${'Le délai de trente jours est discuté, avec des exemples et des sources. '.repeat(1 + (i % 4))}Voir https://example.org/source/${i}.`,
        authorId: users[i % users.length].id, createdAt: new Date(t0 + i * 1000).toISOString(), editedAt: null, deletedAt: null, deletedBy: null
      }
      await store.createArgument(a)
      for (let u = 0; u < i % 7; u++) {
        const voter = users[(i + 1 + u) % users.length]
        await store.castVote({ userId: voter.id, target: { type: 'argument', id: a.id }, billId: bill.id, value: 'for', at: new Date().toISOString() })
      }
    }
    for (let i = 0; i < AMENDMENTS; i++) {
      const alineas = record.alineas.map((x, k) => k === i % record.alineas.length ? x.replace('trente', `${15 + i}`) : x)
      if (i % 5 === 0) alineas.push(`Un alinéa ajouté par l'amendement ${i + 1}.`)
      const at = new Date(t0 + i * 2000).toISOString()
      const am: AmendmentRecord = {
        id: newId('amd'), billId: bill.id, articleId: article.id, authorId: users[i % users.length].id,
        baseRevision: record.revision, baseAlineas: record.alineas, baseHash: record.hash, alineas,
        explanation: `Exposé de l'amendement ${i + 1} : un délai plus court protège les demandeurs.`,
        status: 'proposed', ...describeChange(record.alineas, alineas), decision: null, decidedSeq: null,
        shuffle: Math.floor(Math.random() * 2_000_000_000), createdAt: at, updatedAt: at, ...ARTICLE_AMENDMENT
      }
      await store.createAmendment(am)
      for (let u = 0; u < i % 4; u++) {
        await store.castVote({ userId: users[(i + u) % users.length].id, target: { type: 'amendment', id: am.id }, billId: bill.id, value: u % 2 ? 'mixed' : 'for', at })
      }
    }
    reader = await b.s.as('citizen', 'Lectrice')
  })

  beforeEach(async () => {
    const context = await b.newContext(reader)
    await context.addInitScript({ content: PROBE })
    page = b.watch(await context.newPage())
  })

  it('renders the first page of each side, best first, and measures the time to the arguments list', async () => {
    const times: number[] = []
    for (let run = 0; run < 6; run++) {
      if (run === 0) await page.goto(`${b.url}/articles/${article.id}`)
      else await page.reload()
      await until(page, 'the arguments list is visible', () => (window as any).__argumentsVisible !== undefined, undefined, 15_000)
      times.push(await page.evaluate(() => (window as any).__argumentsVisible as number))
    }
    const warm = times.slice(1).sort((a, b) => a - b)
    const median = warm[Math.floor(warm.length / 2)]
    console.log(`      article page, ${ARGUMENTS} arguments and ${AMENDMENTS} amendments: navigation start -> arguments list visible: ` +
      `cold ${times[0].toFixed(0)} ms, warm median ${median.toFixed(0)} ms (min ${warm[0].toFixed(0)}, max ${warm[warm.length - 1].toFixed(0)}, ${warm.length} reloads)`)

    assert.match(await page.locator('#tab-arguments').textContent() ?? '', /Arguments \(200\)/)
    assert.match(await page.locator('#tab-amendments').textContent() ?? '', /Amendements \(50\)/)
    for (const side of ['for', 'against']) {
      const counts = await page.locator(`.argument-column[data-side="${side}"] .upvote-count, .argument-column[data-side="${side}"] .upvote__count`).evaluateAll(els => els.map(e => Number(e.getAttribute('data-count'))))
      assert.equal(counts.length, PAGE)
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), `${side}: best first`)
    }
  })

  it('loads more arguments and every amendment with "Voir plus"', async () => {
    await page.goto(`${b.url}/articles/${article.id}`)
    const forColumn = page.locator('.argument-column[data-side="for"]')
    await forColumn.getByRole('button', { name: 'Voir plus' }).click()
    await until(page, 'a second page of arguments', () => document.querySelectorAll('.argument-column[data-side="for"] .argument').length === 40)
    const ids = await forColumn.locator('.argument').evaluateAll(els => els.map(e => e.getAttribute('data-argument-id')))
    assert.equal(new Set(ids).size, 40, 'no argument twice')

    await page.getByRole('tab', { name: /Amendements/ }).click()
    await until(page, 'the first page of amendments', (n: number) => document.querySelectorAll('.amendment-card').length === n, PAGE)
    const more = page.locator('.amendments').getByRole('button', { name: 'Voir plus' })
    await more.click()
    await until(page, 'a second page of amendments', (n: number) => document.querySelectorAll('.amendment-card').length === n, 2 * PAGE)
    await more.click()
    await until(page, 'every amendment', (n: number) => document.querySelectorAll('.amendment-card').length === n, AMENDMENTS)
    assert.equal(await more.count(), 0, 'no "Voir plus" at the end')
  })
})
