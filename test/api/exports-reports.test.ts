/**
 * The synthesis reports read back by real readers: the DOCX unzipped (its
 * `word/document.xml`: a section per article, dispositifs, diffs underlined
 * and struck, the two-column comparison table), the HTML page (self-contained,
 * no script, user text escaped, figures in data attributes), the PDF through
 * `pdftotext` (article numbers and figures); a clear 503 without Chromium.
 * Figures equal the synthesis; hidden text never appears.
 */
import assert from 'node:assert/strict'
import { startServer } from '../helpers/server.ts'
import { consultationSuite, download } from '../helpers/consultation.ts'
import { assertConsultationName } from '../helpers/download-name.ts'
import { pdfText, unzipMember } from '../helpers/files.ts'

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/

/** The visible text of WordprocessingML, paragraph by paragraph. */
function docxText (xml: string): string {
  return xml.split('</w:p>').map(p => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join('')).join('\n')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')
}

describe('API: report exports (docx, html, pdf)', function () {
  this.timeout(60_000)
  const { c, syn } = consultationSuite()

  it('writes a Word document with a title page, participation, a section per article and the comparison table', async () => {
    const r = await download(c.staff, `/bills/${c.bill.id}/export?format=docx`)
    assert.equal(r.status, 200, r.text)
    assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    assertConsultationName(r.headers.get('content-disposition'), 'synthese', 'docx')
    const xml = await unzipMember(r.bytes, 'word/document.xml')
    const text = docxText(xml)
    assert.ok(text.includes('SYNTHÈSE DE LA CONSULTATION'))
    assert.ok(text.includes(c.bill.title))
    for (const a of syn.articles) {
      const title = `Article ${a.num}${a.heading ? ` – ${a.heading}` : ''}`
      assert.ok(text.split('\n').filter(line => line === title).length >= 2, `${title}: its section and its comparison`)
    }
    // Each article heading is a Word heading, so the navigation pane lists them.
    // Three more: participation, comparison table, and the liasse (every amendment in the order of discussion).
    assert.equal((xml.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length, syn.articles.length + 4)
    const best = syn.articles[1].topAmendments[0]
    assert.ok(text.includes(`Dispositif : ${best.wording.fr}`))
    assert.ok(text.includes(`Pour ${best.tally.for} · Mitigé ${best.tally.mixed} · Contre ${best.tally.against}`))
    assert.ok(/<w:u w:val="single"\/>[\s\S]*?<w:t[^>]*>quinze<\/w:t>/.test(xml), 'insertions underlined')
    assert.ok(/<w:strike\/>[\s\S]*?<w:t[^>]*>trente<\/w:t>/.test(xml), 'deletions struck')
    assert.ok(text.includes('Texte initial') && text.includes('Texte consolidé'))
    assert.ok(text.includes('Réponse des rédacteurs : Adopté : le format ouvert s\'impose.'))
    assert.ok(text.includes('La transparence renforce la confiance.'))
    assert.ok(text.includes(`Citoyens\n${syn.participation.participants.citizen}\n`), 'participants by profile type')
    assert.ok(text.includes(`Total\n${syn.participation.participants.total}\n`))
    for (const secret of c.hiddenTexts) assert.equal(text.includes(secret), false, secret)
    assert.doesNotMatch(text, EMAIL)
  })

  it('writes one self-contained HTML page: inline CSS with print rules, no script, user text escaped, figures of the synthesis', async () => {
    const r = await download(c.staff, `/bills/${c.bill.id}/export?format=html`)
    assert.equal(r.status, 200)
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8')
    const html = r.text
    assert.match(html, /^<!doctype html>/)
    assert.match(html, /<style>[\s\S]*@media print[\s\S]*<\/style>/)
    assert.doesNotMatch(html, /<script/i)
    assert.doesNotMatch(html, /\s(?:src|href)="(?:https?:)?\/\//, 'no external resource')
    assert.ok(html.includes('Ouverture des données publiques &amp; &lt;protection&gt; des droits.'))
    for (const a of syn.articles) {
      const table = new RegExp(`<table class="tally" data-article="${a.id}">[\\s\\S]*?</table>`).exec(html)![0]
      assert.deepEqual(['for', 'mixed', 'against'].map(side => Number(new RegExp(`data-votes-${side}="(\\d+)"`).exec(table)![1])), [a.tally.for, a.tally.mixed, a.tally.against])
      assert.equal(Number(/data-votes="(\d+)"/.exec(table)![1]), a.votes)
    }
    assert.equal(Number(/data-participants="(\d+)"/.exec(html)![1]), syn.participation.participants.total)
    assert.ok(html.includes('<ins>quinze</ins>') && html.includes('<del>trente</del>'))
    assert.ok(html.includes('<th>Texte initial</th><th>Texte consolidé</th>'))
    assert.ok(html.includes('Wilson'))
    for (const secret of c.hiddenTexts) assert.equal(html.includes(secret), false, secret)
    assert.doesNotMatch(html, EMAIL)
  })

  it('escapes markup in arguments wherever they show', async () => {
    // The markup argument is the only one against article 2: it is put forward.
    const html = (await download(c.staff, `/bills/${c.bill.id}/export?format=html`)).text
    assert.ok(syn.articles[1].topArguments.against.some((g: any) => g.id === c.arguments.markup))
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; « guillemets »'))
  })

  it('prints the report to PDF with Chromium: article numbers and figures in its text', async () => {
    const r = await download(c.staff, `/bills/${c.bill.id}/export?format=pdf`)
    assert.equal(r.status, 200, r.text)
    assert.equal(r.headers.get('content-type'), 'application/pdf')
    assert.equal(r.bytes.subarray(0, 5).toString(), '%PDF-')
    const text = await pdfText(r.bytes)
    for (const a of syn.articles) assert.ok(text.includes(`Article ${a.num}`), `Article ${a.num}`)
    assert.ok(text.includes('Tableau comparatif'))
    assert.ok(text.includes('Texte initial') && text.includes('Texte consolidé'))
    assert.ok(text.includes(c.bill.title.slice(0, 20)))
    const best = syn.articles[1].topAmendments[0]
    assert.ok(text.includes(`Pour ${best.tally.for} · Mitigé ${best.tally.mixed} · Contre ${best.tally.against}`))
    for (const secret of c.hiddenTexts) assert.equal(text.includes(secret), false, secret)
  })

  it('answers 503 with what to install when Chromium is missing', async () => {
    const other = await startServer({ config: { chromium: '/nonexistent/chromium' } })
    try {
      const editor = await other.as('author')
      const bill = (await editor.post('/bills', { title: 'T', articles: [{ num: '1er', alineas: ['x'] }] })).body
      const r = await editor.get(`/bills/${bill.id}/export?format=pdf`)
      assert.equal(r.status, 503)
      assert.equal(r.body.error.code, 'unavailable')
      assert.match(r.body.error.message, /Chromium/)
      assert.equal((await editor.get(`/bills/${bill.id}/export?format=html`)).status, 200, 'the HTML report still works')
    } finally {
      await other.stop()
    }
  })
})
