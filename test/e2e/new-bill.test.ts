/**
 * An MP creates a bill in the interface: "Nouveau projet de loi" from the
 * home page, the text pasted, "Voir ce qui est reconnu" shows the articles
 * the server reads (a dry run: nothing created yet), "Créer le brouillon"
 * creates the draft and opens the editors' space with the text; a Word file
 * built in the test is recognised the same way. A citizen gets no such page.
 * axe on the page. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'

const TEXT = 'Article 1er\n\nLe délai de préavis est de trente jours.\n\nIl court à compter de la notification.\n\nArticle 2\n\nUn décret fixe les modalités.'

describe('Browser: a new bill from the interface', function () {
  this.timeout(90_000)

  const b = browserSuite()

  it('pastes a text, sees what is recognised, creates the draft and reaches the editors\' space', async () => {
    const author = await b.s.as('author', 'Mme Dupont')
    const page = await b.newPage(author, { bypassCSP: true })
    await page.goto(`${b.url}/`)
    await page.getByRole('link', { name: 'Nouveau projet de loi' }).click()
    await until(page, 'the new-bill page', () => location.pathname === '/bills/new')
    await page.getByLabel('Titre').fill('Proposition de loi relative aux préavis')
    await page.getByLabel('Texte').fill(TEXT)
    await page.getByRole('button', { name: 'Voir ce qui est reconnu' }).click()
    await page.locator('.new-bill__preview').waitFor()
    assert.deepEqual(await page.locator('.new-bill__articles li').allTextContents(), ['Article 1er (2 alinéas)', 'Article 2 (1 alinéa)'])
    assert.equal((await author.get('/bills')).body.items.length, 0, 'the preview creates nothing')
    await b.axe(page)
    await b.screenshot(page, 'new-bill')

    await page.getByRole('button', { name: 'Créer le brouillon' }).click()
    await until(page, 'the editors\' space of the new draft', () => /^\/bills\/[^/]+\/edit$/.test(location.pathname))
    await page.locator('.ProseMirror .article').first().waitFor()
    assert.match(await text(page.locator('.ProseMirror')), /Le délai de préavis est de trente jours\./)
    const bills = (await author.get('/bills')).body.items
    assert.deepEqual([bills.length, bills[0].title, bills[0].status], [1, 'Proposition de loi relative aux préavis', 'draft'])
  })

  it('reads a Word file the same way', async () => {
    const author = await b.s.as('author', 'M. Martin')
    const doc = new Document({ sections: [{ children: ['PROPOSITION DE LOI', 'relative aux préavis', 'Article 1er', 'Le délai est de trente jours.', 'Article 2', 'Un décret fixe les modalités.'].map(t => new Paragraph(t)) }] })
    const file = join(mkdtempSync(join(tmpdir(), 'alinea-docx-')), 'proposition.docx')
    writeFileSync(file, await Packer.toBuffer(doc))
    const page = await b.newPage(author)
    await page.goto(`${b.url}/bills/new`)
    await page.getByLabel('Ou un fichier').setInputFiles(file)
    await page.getByRole('button', { name: 'Voir ce qui est reconnu' }).click()
    await page.locator('.new-bill__preview').waitFor()
    assert.deepEqual(await page.locator('.new-bill__articles li').allTextContents(), ['Article 1er (1 alinéa)', 'Article 2 (1 alinéa)'])
  })

  it('tells a citizen the page is for authors', async () => {
    const page = await b.newPage(await b.s.as('citizen'))
    await page.goto(`${b.url}/bills/new`)
    await page.locator('main .notice').waitFor()
    assert.match(await text(page.locator('main .notice')), /Seuls les auteurs/)
    assert.equal(await page.getByRole('button', { name: 'Voir ce qui est reconnu' }).count(), 0)
  })
})
