/**
 * The editors' space says in words why the server closed its collaboration
 * socket for good: an update outside the bill's schema (4415; injected
 * into the page's own socket, as a broken or hostile client would send it)
 * and too many open sockets for the account (4429). Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import type { Page } from 'playwright-core'
import { publishedBill, type TestServer } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { until } from '../helpers/pages.ts'
import { connect, synced, type Peer } from '../collab/clients.ts'
import { FRAGMENT, loadWorkingDoc } from '../../server/domain/documents.ts'
import { collabOf } from '../../server/collab/index.ts'

/** A y-websocket "update" message that inserts a `script` element at the top of the bill's text. */
async function scriptUpdate (s: TestServer, billId: string): Promise<Uint8Array> {
  const doc = await loadWorkingDoc(s.app.ctx.store, billId)
  const sv = Y.encodeStateVector(doc)
  const script = new Y.XmlElement('script')
  script.insert(0, [new Y.XmlText('alert(1)')])
  doc.getXmlFragment(FRAGMENT).insert(0, [script])
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // sync
  encoding.writeVarUint(encoder, 2) // update
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, sv))
  return encoding.toUint8Array(encoder)
}

describe('Browser: the editor explains a refused collaboration socket', function () {
  this.timeout(90_000)

  // The browser logs the refused socket's close as an error; nothing else may fail.
  const b = browserSuite({ config: { maxSocketsPerUser: 1 }, ignore: /WebSocket/ })
  const peers: Peer[] = []
  afterEach(() => { for (const p of peers.splice(0)) p.destroy() })

  async function statusText (page: Page, code: number): Promise<string> {
    await until(page, `the editor to show the close ${code}`, () => document.querySelector('.conn')?.getAttribute('data-state') === 'closed')
    return page.locator('.conn__text').innerText()
  }

  it('4415: a change outside the schema is refused, said in words, and nothing of it is kept', async () => {
    const author = await b.s.as('author', 'Mme Dupont')
    const bill = await publishedBill(author)
    const page = await b.newPage(author)
    let toServer: ((message: Buffer) => void) | null = null
    await page.routeWebSocket(/\/collab\//, ws => {
      const server = ws.connectToServer()
      toServer = m => { server.send(m) }
    })
    await page.goto(`${b.url}/bills/${bill.id}/edit`)
    await page.locator('.conn[data-state="synced"]').waitFor()
    toServer!(Buffer.from(await scriptUpdate(b.s, bill.id)))
    assert.equal(await statusText(page, 4415), 'Modification refusée : elle introduisait dans le texte un élément que le format des projets de loi n’accepte pas. Elle n’a pas été enregistrée. Rechargez la page.')
    await collabOf(b.s.app.server)!.docs.flush()
    assert.ok(!(await loadWorkingDoc(b.s.app.ctx.store, bill.id)).getXmlFragment(FRAGMENT).toString().includes('script'))
    assert.equal((await author.get(`/bills/${bill.id}`)).status, 200)
  })

  it('4429: too many open sockets for the account', async () => {
    const author = await b.s.as('author', 'M. Martin')
    const bill = await publishedBill(author)
    const other = connect(b.url, bill.id, { cookie: author.cookie })
    peers.push(other)
    await synced(other)
    const page = await b.newPage(author)
    await page.goto(`${b.url}/bills/${bill.id}/edit`)
    assert.equal(await statusText(page, 4429), 'Trop de connexions ouvertes à vos textes : fermez d’autres onglets, puis rechargez la page.')
  })
})
