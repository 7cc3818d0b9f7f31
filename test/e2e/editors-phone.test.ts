/**
 * The editors' space on a phone (360 x 740, touch), measured in pixels: the
 * toolbar is one row (it scrolls sideways), nothing overflows the screen, the
 * text starts on the first screen; a co-editor's cursor label stays inside
 * the screen even with a long name; two co-editors are drawn in different
 * colours on each other's screens. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
const LONG_NAME = 'Mme Marie-Françoise de La Tour d’Auvergne-Lauraguais'

describe('Browser: the editors\' space on a phone', function () {
  this.timeout(120_000)

  const b = browserSuite()
  let author: ApiClient & { userId: string }
  let coauthor: ApiClient & { userId: string }
  let bill: any
  let phone: Page
  let desk: Page

  before(async () => {
    author = await b.s.as('author', 'Mme Dupont')
    coauthor = await b.s.as('author', LONG_NAME)
    bill = await publishedBill(author)
    const patched = await author.patch(`/bills/${bill.id}`, { editors: [author.userId, coauthor.userId] })
    assert.equal(patched.status, 200, JSON.stringify(patched.body))
  })

  beforeEach(async () => {
    phone = await b.newPage(author, { phone: true })
    desk = await b.newPage(coauthor)
  })

  async function openEditor (page: Page): Promise<void> {
    await page.goto(`${b.url}/bills/${bill.id}/edit`)
    await page.locator('.ProseMirror[contenteditable="true"]').waitFor()
    await page.locator('.conn[data-state="synced"]').waitFor()
  }

  it('keeps the toolbar on one row and starts the text on the first screen', async () => {
    await openEditor(phone)
    const m = await phone.evaluate(() => {
      const toolbar = document.querySelector('.toolbar')!.getBoundingClientRect()
      const button = document.querySelector('.toolbar__button')!.getBoundingClientRect()
      const text = document.querySelector('.ProseMirror .article')!.getBoundingClientRect()
      return { toolbar: toolbar.height, button: button.height, textTop: text.top, screen: innerHeight, scrollWidth: document.documentElement.scrollWidth }
    })
    assert.ok(m.toolbar < m.button * 1.6, `the toolbar is one row (${m.toolbar} px for buttons of ${m.button} px)`)
    assert.ok(m.textTop < m.screen - 60, `the text starts on the first screen (at ${Math.round(m.textTop)} px of ${m.screen})`)
    assert.ok(m.scrollWidth <= 360, `nothing overflows sideways (${m.scrollWidth} px)`)
    await b.screenshot(phone, 'editors-phone', 360)
  })

  it('keeps a co-editor\'s cursor label on the screen, in a colour other than the other editor\'s', async () => {
    await openEditor(phone)
    await openEditor(desk)
    // The co-editor puts the cursor at the end of the longest line.
    const last = desk.locator('.ProseMirror .alinea').nth(1)
    await last.click()
    await desk.keyboard.press('End')
    const label = phone.locator('.ProseMirror-yjs-cursor__name', { hasText: 'Mme Marie' })
    await label.waitFor()
    const box = (await label.boundingBox())!
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `the label stays within the screen (${Math.round(box.x)}..${Math.round(box.x + box.width)} px)`)
    assert.ok(box.y >= 0, 'the label is not cut at the top')

    // Each sees the other's colour in the list of who is here; the two differ.
    await desk.locator('.presence__person', { hasText: 'Mme Dupont' }).waitFor()
    const seenByDesk = await desk.locator('.presence__person', { hasText: 'Mme Dupont' }).locator('.presence__swatch').evaluate(e => getComputedStyle(e).backgroundColor)
    const seenByPhone = await phone.locator('.presence__person', { hasText: 'Mme Marie' }).locator('.presence__swatch').evaluate(e => getComputedStyle(e).backgroundColor)
    assert.notEqual(seenByDesk, seenByPhone, 'two co-editors never share a colour')
    const cursorColor = await label.evaluate(e => getComputedStyle(e).backgroundColor)
    assert.equal(cursorColor, seenByPhone, 'the cursor has the colour shown beside the name')
  })
})
