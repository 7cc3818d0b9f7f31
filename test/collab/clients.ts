/**
 * Helpers of the collaboration tests: real `y-websocket` WebsocketProvider
 * clients in Node (with a cookie or token through a `ws` subclass), waiting
 * without fixed sleeps (events, or polling a condition with a timeout), and
 * small edits of the bill's Yjs fragment as y-prosemirror lays it out:
 * XmlElement('article') > XmlElement('alinea') > XmlText.
 */
import * as Y from 'yjs'
import { publishedBill, startServer, type ApiClient, type TestServer } from '../helpers/server.ts'
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { FRAGMENT } from '../../server/domain/documents.ts'
import type { Config } from '../../server/config.ts'
import type { Store } from '../../server/store/store.ts'

/** A `ws` WebSocket class that sends these headers (a cookie, an Authorization) on the handshake. */
export function webSocketWith (headers: Record<string, string>): new (url: string | URL, protocols?: string | string[]) => WebSocket {
  return class extends WebSocket {
    constructor (url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
}

/** A client: its document and provider, and what the server told it (permission denied, close). */
export interface Peer {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Reasons of "permission denied" messages received. */
  denied: string[]
  /** The final close ({code, reason}) the provider reported, if any. */
  closed: { code: number; reason: string } | null
  /** Every close of the connection by the server, final or not (the provider reconnects after the others). */
  closes: { code: number; reason: string }[]
  destroy (): void
}

/** The ws:// base URL of the collaboration endpoint of a server at `httpUrl`. */
export function collabUrl (httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws') + '/collab'
}

/**
 * Connects a WebsocketProvider to a bill. BroadcastChannel is disabled:
 * providers of one process would otherwise sync with each other directly,
 * around the server.
 */
export function connect (httpUrl: string, billId: string, options: { cookie?: string | null; token?: string; doc?: Y.Doc; connect?: boolean; params?: Record<string, string> } = {}): Peer {
  const headers: Record<string, string> = {}
  if (options.cookie) headers.cookie = options.cookie
  if (options.token) headers.authorization = `Bearer ${options.token}`
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(collabUrl(httpUrl), billId, doc, {
    WebSocketPolyfill: webSocketWith(headers) as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
    params: options.params ?? {}
  })
  const peer: Peer = {
    doc,
    provider,
    denied: [],
    closed: null,
    closes: [],
    destroy () {
      provider.destroy()
      doc.destroy()
    }
  }
  // Permission denied (y-protocols/auth) is recorded instead of the stock console warning.
  provider.messageHandlers[2] = (_encoder: unknown, decoder: any) => {
    if (decoding.readVarUint(decoder) === 0) peer.denied.push(decoding.readVarString(decoder))
  }
  provider.on('closed', (event: { code: number; reason: string }) => { peer.closed = event })
  provider.on('connection-close', (event: { code: number; reason: string } | null) => {
    if (event) peer.closes.push({ code: event.code, reason: String(event.reason) })
  })
  return peer
}

/** Resolves when `check` returns true (polled every few ms); rejects with `what` after `timeout` ms. */
export async function waitFor (check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}

/** Resolves once the provider is connected and has received the server's state. */
export function synced (peer: Peer, timeout = 10_000): Promise<void> {
  return waitFor(() => peer.provider.synced, 'the provider to sync', timeout)
}

/** Resolves with the close the server sent (final close codes 44xx, as the provider reports them). */
export function closedBy (peer: Peer, timeout = 10_000): Promise<{ code: number; reason: string }> {
  return waitFor(() => peer.closed !== null, 'the server to close the connection', timeout).then(() => peer.closed!)
}

/** The bill's fragment in a client document. */
export function fragment (doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(FRAGMENT)
}

/** The top-level article elements of a document. */
export function articles (doc: Y.Doc): Y.XmlElement[] {
  return fragment(doc).toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'article')
}

/** The XmlText of alinéa `a` of article `i` (created if the alinéa is empty). */
export function alineaText (doc: Y.Doc, i: number, a: number): Y.XmlText {
  const alinea = articles(doc)[i].get(a) as Y.XmlElement
  const first = alinea.get(0)
  if (first instanceof Y.XmlText) return first
  const text = new Y.XmlText()
  alinea.insert(0, [text])
  return text
}

/** Inserts text into an alinéa (index clamped to its length). */
export function typeInto (doc: Y.Doc, i: number, a: number, at: number, text: string): void {
  const t = alineaText(doc, i, a)
  t.insert(Math.min(at, t.length), text)
}

/** A new article element (attributes id and num) with one alinéa of text, to insert into a fragment. */
export function articleElement (id: string, num: string, text: string): Y.XmlElement {
  const article = new Y.XmlElement('article')
  article.setAttribute('id', id)
  article.setAttribute('num', num)
  const alinea = new Y.XmlElement('alinea')
  alinea.insert(0, [new Y.XmlText(text)])
  article.insert(0, [alinea])
  return article
}

/** Appends a new article (attributes id and num) with one alinéa of text. */
export function appendArticle (doc: Y.Doc, id: string, num: string, text: string): void {
  doc.transact(() => {
    fragment(doc).push([articleElement(id, num, text)])
  })
}

/** The document's text as XML (y-prosemirror's layout): a cheap way to compare replicas. */
export function textOf (doc: Y.Doc): string {
  return fragment(doc).toString()
}

/** Whether two documents hold the same state (same structs and deletions). */
export function sameState (a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) && textOf(a) === textOf(b)
}

/** What a collaboration suite's fixture gives its tests. */
export interface CollabFixture {
  /** The server (started by the fixture's before or beforeEach hook). */
  readonly s: TestServer
  /** The peers tracked in the current test, in order. */
  readonly peers: readonly Peer[]
  /** Tracks a peer: it is destroyed after the test, before the server stops. */
  track (p: Peer): Peer
  /** Connects a tracked peer to a bill of the fixture's server (options as `connect`'s). */
  connect (billId: string, options?: Parameters<typeof connect>[2]): Peer
  /** An author's published bill (`publishedBill`) with the author connected, synced: the usual editor. */
  editedBill (): Promise<EditedBill>
  /** The same, and an anonymous reader connected too, synced: to see what the editor's changes do. */
  watchedBill (): Promise<EditedBill & { watcher: Peer }>
}

/** An author's bill and the author's peer on it. */
export interface EditedBill {
  author: ApiClient
  bill: any
  editor: Peer
}

/**
 * The lifecycle every collaboration suite shares: a fresh server (with
 * `config`, or over the store `store()` makes) for each test, or for the
 * whole file with `scope: 'file'`; the peers a test `track`s or `connect`s
 * are destroyed after it, before the server stops. Call it first in `describe`.
 */
export function collabFixture (options: { config?: Partial<Config>; store?: () => Store; scope?: 'test' | 'file' } = {}): CollabFixture {
  let server: TestServer | null = null
  const tracked: Peer[] = []
  const start = async (): Promise<void> => { server = await startServer({ config: options.config, store: options.store?.() }) }
  const stop = async (): Promise<void> => {
    await server?.stop()
    server = null
  }
  const destroyPeers = (): void => { for (const p of tracked.splice(0)) p.destroy() }
  if (options.scope === 'file') {
    before(start)
    afterEach(destroyPeers)
    after(stop)
  } else {
    beforeEach(start)
    afterEach(async () => {
      destroyPeers()
      await stop()
    })
  }
  const fixture: CollabFixture = {
    get s () {
      if (!server) throw new Error('the collaboration fixture is used outside a test')
      return server
    },
    peers: tracked,
    track (p: Peer) { tracked.push(p); return p },
    connect: (billId, connectOptions) => fixture.track(connect(fixture.s.url, billId, connectOptions)),
    async editedBill () {
      const author = await fixture.s.as('author')
      const bill = await publishedBill(author)
      const editor = fixture.connect(bill.id, { cookie: author.cookie })
      await synced(editor)
      return { author, bill, editor }
    },
    async watchedBill () {
      const edited = await fixture.editedBill()
      const watcher = fixture.connect(edited.bill.id)
      await synced(watcher)
      return { ...edited, watcher }
    }
  }
  return fixture
}
