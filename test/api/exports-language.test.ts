/**
 * Reports and tables in the interface language (`lang=fr|en`), read back by
 * real readers: the PDF through `pdftotext` (a page number on every page,
 * « Page 3 / 12 » or "Page 3 of 12", deletions and insertions apart, no
 * page left mostly empty), the DOCX unzipped (PAGE and NUMPAGES fields in the
 * footer), the XLSX opened with exceljs (sheet names, headers and statuses in
 * the language), the CSV parsed back with csv-parse (semicolons for Excel in
 * French, commas in English); download names from the bill's title; a bad
 * `lang` or `sep` is a 400.
 */
import assert from 'node:assert/strict'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { startServer } from '../helpers/server.ts'
import { consultationSuite, download } from '../helpers/consultation.ts'
import { assertConsultationName } from '../helpers/download-name.ts'
import { pdfText, unzipMember } from '../helpers/files.ts'
import { seedDemo } from '../../server/demo/seed.ts'

/** The pages of `pdftotext -layout` output (form feeds between pages). */
function pages (text: string): string[] {
  const all = text.split('\f')
  return all[all.length - 1].trim() === '' ? all.slice(0, -1) : all
}

/** The visible text of WordprocessingML, paragraph by paragraph. */
function docxText (xml: string): string {
  return xml.split('</w:p>').map(p => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join('')).join('\n')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')
}

const lines = (page: string): number => page.split('\n').filter(l => l.trim() !== '').length

/** Every page has its number and the page count; no page but the last is mostly empty. */
function assertPaged (text: string, label: (i: number, n: number) => string): void {
  const ps = pages(text)
  assert.ok(ps.length >= 2, `${ps.length} pages`)
  ps.forEach((p, i) => assert.ok(p.includes(label(i + 1, ps.length)), `page ${i + 1} shows « ${label(i + 1, ps.length)} »`))
  const fullest = Math.max(...ps.map(lines))
  ps.slice(0, -1).forEach((p, i) => assert.ok(lines(p) >= fullest / 3, `page ${i + 1} has ${lines(p)} lines, the fullest ${fullest}: mostly empty`))
}

/** Rows of a sheet as objects keyed by its header row. */
function sheetRows (ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[]
  const out: Record<string, unknown>[] = []
  ws.eachRow((row, n) => { if (n > 1) out.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1]]))) })
  return out
}

describe('API: exports in the interface language (lang, sep, names)', function () {
  this.timeout(120_000)
  const { c, syn } = consultationSuite()

  const get = async (query: string) => {
    const r = await download(c.staff, `/bills/${c.bill.id}/export?${query}`)
    assert.equal(r.status, 200, r.text.slice(0, 300))
    return r
  }

  it('prints page numbers on every PDF page, in French and in English, with deletions and insertions apart', async () => {
    const fr = await pdfText((await get('format=pdf&lang=fr')).bytes)
    assertPaged(fr, (i, n) => `Page ${i} / ${n}`)
    // « trente » struck and « quinze » underlined read as two words, not « trentequinze ».
    assert.match(fr, /de trente quinze jours/)
    assert.ok(fr.includes('Tableau comparatif') && fr.includes('Amendements les plus soutenus'))
    const en = await pdfText((await get('format=pdf&lang=en')).bytes)
    assertPaged(en, (i, n) => `Page ${i} of ${n}`)
    assert.match(en, /de trente quinze jours/)
    assert.ok(en.includes('Comparison table') && en.includes('Most supported amendments') && en.includes('Synthesis of the consultation'.toUpperCase()))
    assert.equal(en.includes('Amendements les plus soutenus'), false)
  })

  it('writes page numbers in the Word footer, the report in the language asked, deletions and insertions apart', async () => {
    const fr = await get('format=docx&lang=fr')
    assertConsultationName(fr.headers.get('content-disposition'), 'synthese', 'docx')
    const footer = await unzipMember(fr.bytes, 'word/footer1.xml')
    assert.match(footer, /<w:instrText[^>]*>PAGE<\/w:instrText>/)
    assert.match(footer, /<w:instrText[^>]*>NUMPAGES<\/w:instrText>/)
    assert.match(footer, /<w:t[^>]*>Page <\/w:t>[\s\S]*<w:t[^>]*> \/ <\/w:t>/)
    const xml = await unzipMember(fr.bytes, 'word/document.xml')
    assert.match(xml, /<w:document[\s\S]*<w:footerReference [^>]*w:type="default"/)
    // A struck « trente », a plain space, an underlined « quinze ».
    assert.match(xml, /<w:strike\/>[^]*?<w:t[^>]*>trente<\/w:t><\/w:r><w:r>(?:<w:rPr\/>)?<w:t xml:space="preserve"> <\/w:t><\/w:r><w:r><w:rPr>[^]*?<w:u w:val="single"\/>[^]*?<w:t[^>]*>quinze<\/w:t>/)
    const en = await get('format=docx&lang=en')
    assertConsultationName(en.headers.get('content-disposition'), 'synthesis', 'docx')
    assert.match(await unzipMember(en.bytes, 'word/footer1.xml'), /<w:t[^>]*> of <\/w:t>/)
    const text = docxText(await unzipMember(en.bytes, 'word/document.xml'))
    const best = syn.articles[1].topAmendments[0]
    for (const words of ['SYNTHESIS OF THE CONSULTATION', 'Most supported amendments', 'Comparison table', `Wording: ${best.wording.en}`, 'under discussion', 'de trente quinze jours']) {
      assert.ok(text.includes(words), words)
    }
    assert.equal(text.includes('Exposé sommaire'), false)
  })

  it('writes the HTML report in the language asked, deletions and insertions apart', async () => {
    const en = (await get('format=html&lang=en')).text
    assert.match(en, /<html lang="en">/)
    assert.ok(en.includes('<del>trente</del> <ins>quinze</ins>'))
    assert.ok(en.includes('@bottom-center { content: "Page " counter(page) " of " counter(pages)'))
    assert.ok(en.includes('Explanatory statement:') && en.includes('Contents'))
    const fr = (await get('format=html')).text
    assert.match(fr, /<html lang="fr">/, 'French by default')
    assert.ok(fr.includes('"Page " counter(page) " / " counter(pages)') && fr.includes('Exposé sommaire :'))
  })

  it('names sheets, headers and statuses of the workbook in French and in English', async () => {
    const open = async (lang: string) => {
      const r = await get(`format=xlsx&lang=${lang}`)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(r.bytes as unknown as ExcelJS.Buffer)
      return { wb, name: r.headers.get('content-disposition') }
    }
    const fr = await open('fr')
    assertConsultationName(fr.name, 'donnees', 'xlsx')
    assert.deepEqual(fr.wb.worksheets.map(w => w.name), ['Synthèse', 'Articles', 'Amendements', 'Arguments', 'Participation'])
    const frAmendments = sheetRows(fr.wb.getWorksheet('Amendements')!)
    const accepted = frAmendments.find(r => r.Identifiant === c.amendments.accepted)!
    assert.deepEqual([accepted.Sort, accepted.Nature], ['adopté', 'article'])
    assert.equal(frAmendments.find(r => r.Identifiant === c.amendments.second)!.Profil, 'citoyen')
    assert.deepEqual(new Set(frAmendments.map(r => r.Sort)), new Set(['en discussion', 'adopté', 'rejeté', 'retiré']))
    assert.deepEqual(new Set(sheetRows(fr.wb.getWorksheet('Arguments')!).map(r => r.Position)), new Set(['pour', 'contre']))
    const frSummary = new Map(sheetRows(fr.wb.getWorksheet('Synthèse')!).map(r => [r.Indicateur, r.Valeur]))
    assert.equal(frSummary.get('Statut'), 'ouverte')

    const en = await open('en')
    assertConsultationName(en.name, 'data', 'xlsx')
    assert.deepEqual(en.wb.worksheets.map(w => w.name), ['Synthesis', 'Articles', 'Amendments', 'Arguments', 'Participation'])
    const enAmendments = sheetRows(en.wb.getWorksheet('Amendments')!)
    assert.deepEqual(Object.keys(enAmendments[0]).slice(0, 3), ['No.', 'Id', 'Article'])
    const acceptedEn = enAmendments.find(r => r.Id === c.amendments.accepted)!
    assert.deepEqual([acceptedEn.Outcome, acceptedEn.Kind, acceptedEn['Editors\' response']], ['adopted', 'article', 'Adopté : le format ouvert s\'impose.'])
    assert.equal(enAmendments.find(r => r.Id === c.amendments.second)!.Profile, 'citizen')
    assert.deepEqual(new Set(enAmendments.map(r => r.Outcome)), new Set(['under discussion', 'adopted', 'rejected', 'withdrawn']))
    assert.deepEqual(new Set(sheetRows(en.wb.getWorksheet('Arguments')!).map(r => r.Side)), new Set(['for', 'against']))
    const enSummary = new Map(sheetRows(en.wb.getWorksheet('Synthesis')!).map(r => [r.Indicator, r.Value]))
    assert.deepEqual([enSummary.get('Status'), enSummary.get('Participants')], ['open', syn.participation.participants.total])
    const articles = sheetRows(en.wb.getWorksheet('Articles')!)
    assert.deepEqual(articles.map(a => [a.Article, a.For, a.Votes]), syn.articles.map((a: any) => [a.num, a.tally.for, a.votes]))
  })

  it('writes CSV for Excel in French (semicolons, BOM, decimal commas) that parses back', async () => {
    const r = await get('format=csv&kind=articles&lang=fr')
    assertConsultationName(r.headers.get('content-disposition'), 'articles', 'csv')
    assert.deepEqual([...r.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    assert.match(r.text, /^\uFEFFRang;Identifiant;Article;Intitulé;Pour;Mitigé;Contre;Votes;Part pour;/)
    const rows: Record<string, string>[] = parse(r.text, { bom: true, delimiter: ';', columns: true })
    assert.deepEqual(rows.map(x => x.Article), ['1er', '2', '2 bis'])
    for (const a of syn.articles) {
      const x = rows.find(row => row.Identifiant === a.id)!
      assert.deepEqual([Number(x.Pour), Number(x.Votes), Number(x['Part pour'].replace(',', '.'))], [a.tally.for, a.votes, Math.round(a.shares.for * 10_000) / 10_000])
      assert.equal(x.Texte, a.alineas.join('\n'))
    }
    assert.ok(rows.some(x => x['Part pour'].includes(',')), 'decimals with a comma')
    const amendments: Record<string, string>[] = parse((await get('format=csv&kind=amendments&lang=fr')).text, { bom: true, delimiter: ';', columns: true })
    const accepted = amendments.find(x => x.Identifiant === c.amendments.accepted)!
    assert.deepEqual([accepted.Sort, accepted.Masqué, accepted['Réponse des rédacteurs']], ['adopté', 'non', 'Adopté : le format ouvert s\'impose.'])
    assert.match(accepted['Décidé le'], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, 'a time Excel reads as one')
    const votes: Record<string, string>[] = parse((await get('format=csv&kind=votes&lang=fr')).text, { bom: true, delimiter: ';', columns: true })
    assert.equal(votes.length, syn.participation.contributions.votes.total)
    assert.ok(votes.every(v => ['pour', 'mitigé', 'contre'].includes(v.Vote)))
    // Another separator on request.
    const tab = (await get('format=csv&kind=articles&lang=fr&sep=tab')).text
    assert.match(tab, /^\uFEFFRang\tIdentifiant\t/)
    assert.equal(parse(tab, { bom: true, delimiter: '\t', columns: true }).length, 3)
  })

  it('writes CSV in English with commas, and keeps machine names and codes without lang', async () => {
    const r = await get('format=csv&kind=amendments&lang=en')
    assertConsultationName(r.headers.get('content-disposition'), 'amendments', 'csv')
    assert.match(r.text, /^\uFEFFNo\.,Id,Article,Article id,Kind,/)
    const rows: Record<string, string>[] = parse(r.text, { bom: true, delimiter: ',', columns: true })
    assert.equal(rows.length, 6)
    assert.deepEqual(new Set(rows.map(x => x.Outcome)), new Set(['under discussion', 'adopted', 'rejected', 'withdrawn']))
    assert.equal(rows.find(x => x.Id === c.amendments.best)!['Support (Wilson)'].includes('.'), true)
    const raw = (await get('format=csv&kind=amendments')).text
    assert.match(raw, /^\uFEFFnumber,id,article_num,/)
    assert.deepEqual(new Set(parse(raw, { bom: true, columns: true }).map((x: any) => x.status)), new Set(['proposed', 'accepted', 'rejected', 'withdrawn']))
  })

  it('answers 400 to an unknown language or separator, and changes nothing', async () => {
    for (const query of ['format=pdf&lang=de', 'format=xlsx&lang=FR', 'format=csv&lang=', 'format=csv&sep=pipe', 'format=csv&lang=fr&sep=%3B', 'format=docx&lang=fr&lang=en']) {
      const r = await c.staff.get(`/bills/${c.bill.id}/export?${query}`)
      assert.equal(r.status, 400, query)
      assert.equal(r.body.error.code, 'invalid_input', query)
    }
  })

  it('names downloads from the title: ASCII slug, accented filename*, bounded, nothing unsafe', async () => {
    const title = '« L\'œuvre » "citée" / a\\b ; Ça été  testé — vraiment, avec un titre bien trop long pour un nom de fichier raisonnable, qui continue encore'
    const bill = (await c.editor.post('/bills', { title, articles: [{ num: '1er', alineas: ['x'] }] })).body
    const r = await download(c.editor, `/bills/${bill.id}/export?format=html&lang=fr`)
    assert.equal(r.status, 200)
    const header = r.headers.get('content-disposition')!
    const m = /^attachment; filename=([a-z0-9-]+-synthese-\d{4}-\d\d-\d\d\.html); filename\*=UTF-8''([A-Za-z0-9%._-]+)$/.exec(header)
    assert.ok(m, header)
    assert.ok(m[1].startsWith('l-oeuvre-citee-a-b-ca-ete-teste-vraiment-avec-un-titre-'), m[1])
    assert.ok(m[1].length <= 80 + '-synthese-2026-12-04.html'.length, `${m[1].length} characters`)
    const accented = decodeURIComponent(m[2])
    assert.ok(accented.startsWith('l-œuvre-citée-a-b-ça-été-testé-vraiment-'), accented)
    assert.doesNotMatch(header, /["\\]/)
  })

  it('pages the demo bill without mostly empty pages', async () => {
    const other = await startServer()
    try {
      assert.equal(await seedDemo(other.app.ctx), true)
      const staff = await other.as('staff')
      const id = (await staff.get('/bills')).body.items[0].id
      const r = await download(staff, `/bills/${id}/export?format=pdf&lang=fr`)
      assert.equal(r.status, 200)
      assert.match(r.headers.get('content-disposition')!, /^attachment; filename=proposition-de-loi-relative-a-l-organisation-du-service-[a-z-]*-synthese-\d{4}-\d\d-\d\d\.pdf; filename\*=UTF-8''proposition-de-loi-relative-%C3%A0-l-organisation-/)
      assertPaged(await pdfText(r.bytes), (i, n) => `Page ${i} / ${n}`)
    } finally {
      await other.stop()
    }
  })
})
