import assert from 'node:assert/strict'
import ExcelJS from 'exceljs'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { download } from '../helpers/consultation.ts'

describe('hardening: XLSX cells a spreadsheet would run as formulas', () => {
  const s = serverSuite()

  it('get a leading apostrophe, as in the CSV', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const citizen = await s.as('citizen')
    const bodies = ['=HYPERLINK("http://example.org","clic")', '+33 1 23 45', '-2+3', '@SUM(A1)', 'Texte ordinaire']
    for (const body of bodies) {
      const r = await citizen.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body })
      assert.equal(r.status, 201)
    }
    const r = await download(author, `/bills/${bill.id}/export?format=xlsx`)
    assert.equal(r.status, 200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.bytes as unknown as ExcelJS.Buffer)
    const texts: string[] = []
    wb.getWorksheet('Arguments')!.eachRow((row, n) => {
      if (n > 1) for (const v of (row.values as unknown[])) if (typeof v === 'string') texts.push(v)
    })
    for (const body of bodies.slice(0, 4)) {
      assert.ok(texts.includes(`'${body}`), `${body} is prefixed`)
      assert.ok(!texts.includes(body), `${body} is not there raw`)
    }
    assert.ok(texts.includes('Texte ordinaire'))
  })
})
