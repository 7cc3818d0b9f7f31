/**
 * The choice you just made stays readable: a pressed vote button ("Pour")
 * and a pressed "Soutenir" keep a readable contrast while the pointer is
 * still on them (pressed styles win over hover), and on a touch device a tap
 * leaves no hover style behind (hover styles apply only where a pointer
 * hovers). Contrast is computed from the computed colours, as WCAG defines it.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { until } from '../helpers/pages.ts'

/** WCAG contrast ratio between the text colour and the background colour of the element. */
async function contrastOf (page: Page, selector: string): Promise<{ ratio: number; color: string; background: string }> {
  const { color, background } = await page.evaluate((sel) => {
    const el = document.querySelector(sel)
    if (el == null) throw new Error(`no ${sel}`)
    const style = getComputedStyle(el)
    return { color: style.color, background: style.backgroundColor }
  }, selector)
  const a = luminance(color)
  const b = luminance(background)
  const [hi, lo] = a > b ? [a, b] : [b, a]
  return { ratio: (hi + 0.05) / (lo + 0.05), color, background }
}

/** Relative luminance of an `rgb()` colour (WCAG 2). */
function luminance (css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map(v => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

describe('Browser: pressed buttons stay readable', function () {
  this.timeout(90_000)

  const b = browserSuite()
  let articleId = ''
  let citizen: ApiClient

  before(async () => {
    const author = await b.s.as('author', 'Mme Dupont')
    const bill = await publishedBill(author)
    articleId = bill.articles[1].id
    const other = await b.s.as('citizen', 'Jean Autre')
    const arg = await other.post(`/articles/${articleId}/arguments`, { side: 'for', body: 'Un argument à soutenir.' })
    assert.equal(arg.status, 201)
    citizen = await b.s.as('citizen', 'Camille Martin')
  })

  it('keeps "Pour" and "Soutenir" readable under the pointer right after pressing them', async () => {
    const page = await b.newPage(citizen)
    await page.goto(`${b.url}/articles/${articleId}`)
    const pour = page.locator('.vote__button--for').first()
    await pour.click()
    await until(page, 'the vote is shown as pressed', () => document.querySelector('.vote__button--for')?.getAttribute('aria-pressed') === 'true')
    await pour.hover()
    const vote = await contrastOf(page, '.vote__button--for')
    assert.ok(vote.ratio >= 4.5, `pressed "Pour" under the pointer: ${vote.color} on ${vote.background} is ${vote.ratio.toFixed(2)}:1`)

    const upvote = page.locator('.upvote').first()
    await upvote.click()
    await until(page, 'the upvote is shown as pressed', () => document.querySelector('.upvote')?.getAttribute('aria-pressed') === 'true')
    await upvote.hover()
    const up = await contrastOf(page, '.upvote')
    assert.ok(up.ratio >= 4.5, `pressed "Soutenir" under the pointer: ${up.color} on ${up.background} is ${up.ratio.toFixed(2)}:1`)
  })

  it('leaves no hover style after a tap on a touch device', async () => {
    const page = await b.newPage(citizen, { phone: true })
    await page.goto(`${b.url}/articles/${articleId}`)
    assert.equal(await page.evaluate(() => matchMedia('(hover: hover)').matches), false, 'the touch context does not hover')
    const mixed = page.locator('.vote__button--mixed').first()
    await mixed.waitFor()
    // The buttons are disabled (grey) until the session is known: the look to compare with is the enabled one.
    await until(page, 'the vote buttons are enabled', () => document.querySelector<HTMLButtonElement>('.vote__button--mixed')?.disabled === false)
    const before = await page.evaluate(() => getComputedStyle(document.querySelector('.vote__button--mixed')!).backgroundColor)
    await mixed.tap()
    await until(page, 'the tapped vote is pressed', () => document.querySelector('.vote__button--mixed')?.getAttribute('aria-pressed') === 'true')
    const pressed = await contrastOf(page, '.vote__button--mixed')
    assert.ok(pressed.ratio >= 4.5, `pressed "Mitigé" after a tap: ${pressed.color} on ${pressed.background} is ${pressed.ratio.toFixed(2)}:1`)
    await mixed.tap()
    await until(page, 'the second tap withdrew the vote', () => document.querySelector('.vote__button--mixed')?.getAttribute('aria-pressed') === 'false')
    const after = await page.evaluate(() => getComputedStyle(document.querySelector('.vote__button--mixed')!).backgroundColor)
    assert.equal(after, before, 'the button the finger left looks as it did before the taps (no stuck hover tint)')
  })
})
