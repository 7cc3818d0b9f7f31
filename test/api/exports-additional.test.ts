/**
 * Additional articles and amendment numbers in the exports: the consolidated
 * Akoma Ntoso (valid against the schema, the new article at its place), the
 * open data, the CSV table, the synthesis and its reports (the liasse in the
 * order of discussion).
 */
import assert from 'node:assert/strict'
import { DOMParser } from '@xmldom/xmldom'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { download } from '../helpers/consultation.ts'
import { unzipMember, validateAkn } from '../helpers/files.ts'
import { csvObjects } from '../helpers/csv.ts'
import { proposed } from '../helpers/amendments.ts'
import { Synthesis } from '../../shared/api.ts'

const NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'
const ARTICLES = [
  { num: '1er', alineas: ['Les administrations publient leurs données.'] },
  { num: '2', alineas: ['Le délai est de trente jours.'] },
  { num: '2 bis', alineas: ['La présente loi entre en vigueur le 1er janvier.'] }
]

describe('API: additional articles and numbers in the exports', function () {
  this.timeout(60_000)
  const s = serverSuite()
  let bill: any
  let staff: any
  let added: any
  let rewrite: any
  before(async () => {
    const editor = await s.as('author')
    bill = await publishedBill(editor, ARTICLES)
    staff = await s.as('staff')
    const citizen = await s.as('citizen', 'Camille')
    const [, art2] = bill.articles.map((a: any) => a.id)
    rewrite = await proposed(citizen, art2, ['Le délai est de quinze jours.'])
    const r = await citizen.post(`/bills/${bill.id}/amendments`, { position: { after: art2 }, heading: 'Ouverture', alineas: ['Les données sont ouvertes par défaut.'], explanation: 'Transparence.', baseRevision: 1 })
    assert.equal(r.status, 201)
    added = r.body
    assert.equal((await editor.post(`/amendments/${added.id}/decision`, { status: 'accepted', response: 'Adopté.' })).status, 200)
  })

  it('numbers the accepted additional article "2 bis A" between "2" and "2 bis", in the consolidated text and its Akoma Ntoso', async () => {
    const c = (await s.client().get(`/bills/${bill.id}/consolidated`)).body
    assert.deepEqual(c.articles.map((a: any) => a.num), ['1er', '2', '2 bis A', '2 bis'])
    const r = await download(s.client(), `/bills/${bill.id}/export?format=akn&version=consolidated`)
    assert.equal(r.status, 200, r.text)
    const verdict = await validateAkn(r.bytes)
    assert.ok(verdict.ok, verdict.messages)
    const doc = new DOMParser().parseFromString(r.text, 'text/xml')
    const arts = Array.from(doc.getElementsByTagNameNS(NS, 'article')) as unknown as Element[]
    assert.deepEqual(arts.map(a => a.getAttribute('eId')), ['art_1', 'art_2', 'art_2bisa', 'art_2bis'])
    assert.match(arts[2].textContent ?? '', /Les données sont ouvertes par défaut\./)
    const latest = await download(s.client(), `/bills/${bill.id}/export?format=akn`)
    assert.ok((await validateAkn(latest.bytes)).ok)
    assert.match(latest.text, /portant article additionnel après l'article 2/)
  })

  it('gives numbers, kinds and positions in the open data and the CSV table', async () => {
    const open = JSON.parse((await download(s.client(), `/bills/${bill.id}/export?format=json`)).text)
    const byId = Object.fromEntries(open.amendments.map((a: any) => [a.id, a]))
    assert.equal(byId[added.id].number, added.number)
    assert.equal(byId[added.id].kind, 'addArticle')
    assert.equal(byId[added.id].position, 'after')
    assert.equal(byId[added.id].articleNum, '2')
    assert.equal(byId[rewrite.id].kind, 'article')
    const csv = csvObjects((await download(staff, `/bills/${bill.id}/export?format=csv&kind=amendments`)).text)
    const row = csv.find(r => r.id === added.id)!
    assert.equal(row.kind, 'addArticle')
    assert.equal(row.number, String(added.number))
  })

  it('lists the liasse in the order of discussion in the synthesis, the HTML and the DOCX reports', async () => {
    const syn = Synthesis.parse((await s.client().get(`/bills/${bill.id}/synthesis`)).body)
    assert.deepEqual(syn.discussion.map(e => e.amendmentId), [rewrite.id, added.id])
    assert.equal(syn.discussion[1].kind, 'addArticle')
    const html = (await download(staff, `/bills/${bill.id}/export?format=html`)).text
    assert.match(html, /<section id="liasse">/)
    assert.match(html, new RegExp(`n° ${added.number}</td><td>Article additionnel après l(&#39;|'|&apos;)article 2</td>`))
    const docx = await download(staff, `/bills/${bill.id}/export?format=docx`)
    assert.equal(docx.status, 200)
    const xml = await unzipMember(docx.bytes, 'word/document.xml')
    assert.match(xml, /Liasse : les amendements dans l(&apos;|')ordre de la discussion/)
  })
})
