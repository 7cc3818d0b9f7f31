/**
 * Co-editing load: N editing clients (stock y-websocket providers) on a
 * bill of A articles, each typing at a steady rate into its own article.
 * Measures the round trip of an update (a client's local change until each
 * other client has it: p50, p99, max), the server's memory (RSS and heap
 * after a forced GC, before the clients and under load), and how long a
 * new client takes to load the bill (connect to synced: the first load of
 * the document, then while it is loaded).
 *
 * In the same run, the same load against the reference server of
 * `@y/websocket-server` 0.1.1 (`setupWSConnection` on plain http + ws,
 * in memory, no persistence, no auth) as the baseline. Each server runs in
 * its own child process, so it has a core to itself. The two are measured
 * in alternating rounds (A B, B A, A B...) and each figure is the median of
 * the rounds, so that a burst of other load on the machine hits both alike.
 *
 *   npx tsx scripts/bench/collab.ts [--clients 50 --articles 300 --rate 2 --duration 15 --rounds 3]
 *   (BENCH_PROF=<dir> writes a CPU profile of each server child there;
 *   BENCH_SERVER_NODE_ARGS='--trace-gc' passes Node flags to the server children)
 */
import { parseArgs } from 'node:util'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import http from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { WebSocket, WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

const { values } = parseArgs({ options: {
  clients: { type: 'string', default: '50' },
  articles: { type: 'string', default: '300' },
  rate: { type: 'string', default: '2' },
  duration: { type: 'string', default: '15' },
  rounds: { type: 'string', default: '3' },
  loads: { type: 'string', default: '20' },
  serve: { type: 'string' }
} })
const nClients = Number(values.clients)
const nArticles = Number(values.articles)
const rate = Number(values.rate)
const duration = Number(values.duration)
const nLoads = Number(values.loads)
const rounds = Number(values.rounds)

/** What a server child tells the load generator. */
interface Setup { wsBase: string; room: string; cookie: string | null }
interface Memory { rss: number; heapUsed: number }
type Kind = 'alinea' | 'reference'

/** The bill: A articles of two alinéas, as a legislative text has them. */
function articlesOfBill (): { num: string; alineas: string[] }[] {
  return Array.from({ length: nArticles }, (_, i) => ({
    num: i === 0 ? '1er' : String(i + 1),
    alineas: [
      `I. – Le chapitre ${i + 1} du titre II du livre III du code des transports est complété par un article L. ${3000 + i} ainsi rédigé : « Les modalités d'application du présent article sont fixées par décret en Conseil d'État. »`,
      `II. – Le présent article entre en vigueur le premier jour du troisième mois suivant la promulgation de la présente loi.`
    ]
  }))
}

// ---------------------------------------------------------------- servers (child processes)

async function serveAlinea (): Promise<Setup> {
  const { startServer } = await import('../../test/helpers/server.ts')
  const s = await startServer()
  const author = await s.as('author')
  const created = await author.post('/bills', { title: 'Bench', articles: articlesOfBill() })
  if (created.status !== 201) throw new Error(`bill not created: ${created.status}`)
  // How long the store's writes take (they happen before every relay).
  const store = s.app.ctx.store
  const appends: number[] = []
  const compactions: number[] = []
  const append = store.appendDocUpdate.bind(store)
  const compact = store.compactDoc.bind(store)
  store.appendDocUpdate = async (billId, update) => {
    const t0 = performance.now()
    try { return await append(billId, update) } finally { appends.push(performance.now() - t0) }
  }
  store.compactDoc = async (billId, state, upTo) => {
    const t0 = performance.now()
    try { return await compact(billId, state, upTo) } finally { compactions.push(performance.now() - t0) }
  }
  process.on('message', async (m: any) => {
    if (m === 'stop') { await s.stop(); process.exit(0) }
    if (m === 'stats') {
      const stored = (await store.getDocUpdates(created.body.id)).length
      const sorted = appends.sort((a, b) => a - b)
      process.send!({ stats: {
        storedUpdates: stored,
        appends: sorted.length,
        appendP99: percentile(sorted, 99),
        appendMax: sorted[sorted.length - 1] ?? 0,
        compactions: compactions.length,
        compactMax: compactions.length ? Math.max(...compactions) : 0
      } })
    }
  })
  return { wsBase: s.url.replace(/^http/, 'ws') + '/collab', room: created.body.id, cookie: author.cookie }
}

async function serveReference (): Promise<Setup> {
  // The reference implementation, exactly as its own server.js wires it (no persistence: YPERSISTENCE unset).
  const { setupWSConnection, getYDoc } = await import('@y/websocket-server/utils') as any
  const { initialUpdate } = await import('../../server/domain/documents.ts')
  const { newId } = await import('../../shared/ids.ts')
  const room = 'bench-bill'
  Y.applyUpdate(getYDoc(room), initialUpdate(articlesOfBill().map(a => ({ kind: 'article' as const, id: newId('art'), heading: null, ...a }))))
  const wss = new WebSocketServer({ noServer: true })
  wss.on('connection', setupWSConnection)
  const server = http.createServer((_req, res) => { res.writeHead(200); res.end('ok') })
  server.on('upgrade', (req, socket, head) => { wss.handleUpgrade(req, socket, head, ws => { wss.emit('connection', ws, req) }) })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  process.on('message', (m: any) => {
    if (m === 'stop') process.exit(0)
    if (m === 'stats') process.send!({ stats: {} })
  })
  return { wsBase: `ws://127.0.0.1:${port}`, room, cookie: null }
}

if (values.serve) {
  const setup = values.serve === 'alinea' ? await serveAlinea() : await serveReference()
  // The server's own event loop delay while measuring: a stall here delays every relay.
  const lag = monitorEventLoopDelay({ resolution: 5 })
  let cpu = process.cpuUsage()
  let since = performance.now()
  process.on('message', (m: any) => {
    if (m === 'measure') { lag.reset(); lag.enable(); cpu = process.cpuUsage(); since = performance.now() }
    if (m === 'lag') {
      lag.disable()
      const used = process.cpuUsage(cpu)
      // CPU time per second of the window: a figure the machine's other load hardly changes.
      const cpuShare = (used.user + used.system) / 1000 / (performance.now() - since)
      process.send!({ lag: { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6, cpuShare } })
    }
    if (m === 'mem') {
      (globalThis as any).gc?.()
      const { rss, heapUsed } = process.memoryUsage()
      process.send!({ mem: { rss, heapUsed } satisfies Memory })
    }
  })
  process.send!({ setup })
} else {
  await main()
}

// ---------------------------------------------------------------- load generator

function wsWith (cookie: string | null): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor (url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {})
    }
  } as unknown as typeof globalThis.WebSocket
}

function connect (setup: Setup): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(setup.wsBase, setup.room, doc, { WebSocketPolyfill: wsWith(setup.cookie), disableBc: true })
  return { doc, provider }
}

function whenSynced (provider: WebsocketProvider, timeout = 60_000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sync timed out')), timeout)
    provider.once('sync', () => { clearTimeout(timer); resolve() })
  })
}

/** Time from creating a provider to its first sync, in ms. */
async function timeLoad (setup: Setup): Promise<number> {
  const t0 = performance.now()
  const c = connect(setup)
  await whenSynced(c.provider)
  const ms = performance.now() - t0
  const n = c.doc.getXmlFragment('prosemirror').length
  if (n !== nArticles) throw new Error(`loaded ${n} articles, expected ${nArticles}`)
  c.provider.destroy()
  c.doc.destroy()
  return ms
}

function percentile (sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))]
}

interface Result {
  p50: number; p99: number; max: number; samples: number; expected: number
  /** p99 of this (load generator) process's event loop delay while measuring: the noise floor of the round trips. */
  clientLagP99: number
  /** The server's event loop delay while measuring. */
  serverLagP99: number; serverLagMax: number
  /** The server's CPU time (user + system) per second of wall time while measuring. */
  serverCpu: number
  loadCold: number; loadWarmP50: number; loadWarmMax: number; loadUnderLoadP50: number
  rssBefore: number; rssUnderLoad: number; heapBefore: number; heapUnderLoad: number
  stats: Record<string, number>
}

async function runAgainst (kind: Kind): Promise<Result> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind, ...process.argv.slice(2)], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, LOG_LEVEL: 'silent' }
  })
  const ask = <T>(message: string, key: string): Promise<T> => new Promise(resolve => {
    const on = (m: any): void => { if (m && key in m) { child.off('message', on); resolve(m[key] as T) } }
    child.on('message', on)
    child.send(message)
  })
  const setup = await new Promise<Setup>(resolve => child.once('message', (m: any) => resolve(m.setup)))
  try {
    const memBefore = await ask<Memory>('mem', 'mem')
    const loadCold = await timeLoad(setup)
    const warm: number[] = []
    for (let i = 0; i < nLoads; i++) warm.push(await timeLoad(setup))
    warm.sort((a, b) => a - b)

    // The editors connect, then type.
    const clients = Array.from({ length: nClients }, () => connect(setup))
    await Promise.all(clients.map(c => whenSynced(c.provider)))
    // Changes typed while measuring, by (client, clock): their round trips count, whenever they arrive.
    const sentAt = new Map<string, number>()
    const latencies: number[] = []
    let measuring = false
    for (const c of clients) {
      c.doc.on('update', (update: Uint8Array, origin: unknown) => {
        const now = performance.now()
        const { to } = Y.parseUpdateMeta(update)
        if (origin !== c.provider) {
          if (measuring) for (const [client, clock] of to) sentAt.set(`${client}:${clock}`, now)
          return
        }
        for (const [client, clock] of to) {
          const t0 = sentAt.get(`${client}:${clock}`)
          if (t0 !== undefined) latencies.push(now - t0)
        }
      })
    }
    const interval = 1000 / rate
    const timers: NodeJS.Timeout[] = []
    let typed = 0
    clients.forEach((c, i) => {
      const article = (c.doc.getXmlFragment('prosemirror').get((i * 7) % nArticles) as Y.XmlElement)
      const text = (article.get(0) as Y.XmlElement).get(0) as Y.XmlText
      // Spread the clients over the interval so the load is steady.
      timers.push(setTimeout(() => {
        timers.push(setInterval(() => {
          text.insert(text.length, 'abcdefghij'[typed % 10])
          if (measuring) typed++
        }, interval))
      }, (i / nClients) * interval))
    })
    const warmup = Math.min(3, duration / 4)
    await new Promise(resolve => setTimeout(resolve, warmup * 1000))
    const lag = monitorEventLoopDelay({ resolution: 5 })
    lag.enable()
    child.send('measure')
    measuring = true
    await new Promise(resolve => setTimeout(resolve, Math.max(0, duration - warmup) * 1000))
    measuring = false
    lag.disable()
    const serverLag = await ask<{ p99: number; max: number; cpuShare: number }>('lag', 'lag')
    const expected = typed * (nClients - 1)
    // Every measured change must arrive before anything that blocks a process (a forced GC, a load)
    // could delay it; give up after 10 s (what is missing then is reported).
    for (const until = Date.now() + 10_000; latencies.length < expected && Date.now() < until;) await new Promise(resolve => setTimeout(resolve, 20))
    const received = latencies.length
    // Memory and loads while the editors keep typing (no longer measured).
    const memUnderLoad = await ask<Memory>('mem', 'mem')
    const underLoad: number[] = []
    for (let i = 0; i < 5; i++) underLoad.push(await timeLoad(setup))
    underLoad.sort((a, b) => a - b)
    for (const t of timers) { clearTimeout(t); clearInterval(t) }
    const stats = await ask<Record<string, number>>('stats', 'stats')
    for (const c of clients) { c.provider.destroy(); c.doc.destroy() }
    latencies.length = received
    latencies.sort((a, b) => a - b)
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
      samples: latencies.length,
      expected,
      clientLagP99: lag.percentile(99) / 1e6,
      serverLagP99: serverLag.p99,
      serverLagMax: serverLag.max,
      serverCpu: serverLag.cpuShare,
      loadCold,
      loadWarmP50: percentile(warm, 50),
      loadWarmMax: warm[warm.length - 1],
      loadUnderLoadP50: percentile(underLoad, 50),
      rssBefore: memBefore.rss,
      rssUnderLoad: memUnderLoad.rss,
      heapBefore: memBefore.heapUsed,
      heapUnderLoad: memUnderLoad.heapUsed,
      stats
    }
  } finally {
    child.send('stop')
    await new Promise(resolve => child.once('exit', resolve))
  }
}

async function main (): Promise<void> {
  process.setMaxListeners(0) // every provider listens to the process' exit
  console.log(`collab bench: ${nClients} clients typing ${rate} chars/s each into a ${nArticles}-article bill, ${duration} s per server and round, ${rounds} rounds`)
  const runs: Record<Kind, Result[]> = { reference: [], alinea: [] }
  for (let r = 0; r < rounds; r++) {
    const order: Kind[] = r % 2 === 0 ? ['reference', 'alinea'] : ['alinea', 'reference']
    for (const kind of order) runs[kind].push(await runAgainst(kind))
    const [ref, al] = [runs.reference[r], runs.alinea[r]]
    console.log(`round ${r + 1}: p99 reference ${ref.p99.toFixed(1)} ms, alinea ${al.p99.toFixed(1)} ms; event loop delay max of the servers ${ref.serverLagMax.toFixed(1)} / ${al.serverLagMax.toFixed(1)} ms, p99 of the load generator ${ref.clientLagP99.toFixed(1)} / ${al.clientLagP99.toFixed(1)} ms`)
  }
  const median = (rs: Result[]): Result => {
    const pick = (f: (x: Result) => number): number => percentile(rs.map(f).sort((a, b) => a - b), 50)
    return {
      p50: pick(x => x.p50), p99: pick(x => x.p99), max: pick(x => x.max), samples: pick(x => x.samples), expected: pick(x => x.expected), clientLagP99: pick(x => x.clientLagP99), serverLagP99: pick(x => x.serverLagP99), serverLagMax: pick(x => x.serverLagMax), serverCpu: pick(x => x.serverCpu),
      loadCold: pick(x => x.loadCold), loadWarmP50: pick(x => x.loadWarmP50), loadWarmMax: pick(x => x.loadWarmMax), loadUnderLoadP50: pick(x => x.loadUnderLoadP50),
      rssBefore: pick(x => x.rssBefore), rssUnderLoad: pick(x => x.rssUnderLoad), heapBefore: pick(x => x.heapBefore), heapUnderLoad: pick(x => x.heapUnderLoad),
      stats: Object.fromEntries(Object.keys(rs[0].stats).map(k => [k, pick(x => x.stats[k])]))
    }
  }
  const reference = median(runs.reference)
  const alinea = median(runs.alinea)
  const lost = (rs: Result[]): number => rs.reduce((n, x) => n + Math.max(0, x.expected - x.samples), 0)
  const mb = (b: number): string => (b / 1e6).toFixed(1)
  const ms = (x: number | null): string => typeof x === 'number' && Number.isFinite(x) ? x.toFixed(1) : '-'
  const ratio = (a: number, r: number): string => Number.isFinite(a / r) ? (a / r).toFixed(2) : '-'
  const rows: [string, string, string, string][] = [
    ['update round trip p50 (ms)', ms(reference.p50), ms(alinea.p50), ratio(alinea.p50, reference.p50)],
    ['update round trip p99 (ms)', ms(reference.p99), ms(alinea.p99), ratio(alinea.p99, reference.p99)],
    ['update round trip max (ms)', ms(reference.max), ms(alinea.max), ratio(alinea.max, reference.max)],
    ['server CPU while measuring (% of a core)', (reference.serverCpu * 100).toFixed(1), (alinea.serverCpu * 100).toFixed(1), ratio(alinea.serverCpu, reference.serverCpu)],
    ['server event loop delay p99 (ms)', ms(reference.serverLagP99), ms(alinea.serverLagP99), ratio(alinea.serverLagP99, reference.serverLagP99)],
    ['server event loop delay max (ms)', ms(reference.serverLagMax), ms(alinea.serverLagMax), ratio(alinea.serverLagMax, reference.serverLagMax)],
    ['load generator event loop delay p99 (ms)', ms(reference.clientLagP99), ms(alinea.clientLagP99), ''],
    ['deliveries measured (median)', String(reference.samples), String(alinea.samples), ''],
    ['deliveries missing, all rounds', String(lost(runs.reference)), String(lost(runs.alinea)), ''],
    ['load bill, first client (ms)', ms(reference.loadCold), ms(alinea.loadCold), ratio(alinea.loadCold, reference.loadCold)],
    ['load bill, loaded doc p50 (ms)', ms(reference.loadWarmP50), ms(alinea.loadWarmP50), ratio(alinea.loadWarmP50, reference.loadWarmP50)],
    ['load bill, loaded doc max (ms)', ms(reference.loadWarmMax), ms(alinea.loadWarmMax), ratio(alinea.loadWarmMax, reference.loadWarmMax)],
    ['load bill, under load p50 (ms)', ms(reference.loadUnderLoadP50), ms(alinea.loadUnderLoadP50), ratio(alinea.loadUnderLoadP50, reference.loadUnderLoadP50)],
    ['server RSS before (MB)', mb(reference.rssBefore), mb(alinea.rssBefore), ''],
    ['server RSS delta under load (MB)', mb(reference.rssUnderLoad - reference.rssBefore), mb(alinea.rssUnderLoad - alinea.rssBefore), ratio(alinea.rssUnderLoad - alinea.rssBefore, reference.rssUnderLoad - reference.rssBefore)],
    ['server heap delta under load (MB)', mb(reference.heapUnderLoad - reference.heapBefore), mb(alinea.heapUnderLoad - alinea.heapBefore), ratio(alinea.heapUnderLoad - alinea.heapBefore, reference.heapUnderLoad - reference.heapBefore)],
    ['store append p99 / max (ms)', '-', `${ms(alinea.stats.appendP99)} / ${ms(alinea.stats.appendMax)}`, ''],
    ['appends / compactions (max ms)', '-', `${alinea.stats.appends} / ${alinea.stats.compactions} (${ms(alinea.stats.compactMax)})`, ''],
    ['stored updates at the end', '-', String(alinea.stats.storedUpdates), '']
  ]
  const w = [42, 12, 12, 8]
  const line = (r: string[]): string => r.map((c, i) => i === 0 ? c.padEnd(w[i]) : c.padStart(w[i])).join(' ')
  console.log(`medians of ${rounds} rounds:`)
  console.log(line(['', 'reference', 'alinea', 'ratio']))
  for (const r of rows) console.log(line(r))
  const p99ok = alinea.p99 <= reference.p99
  const loadOk = alinea.loadCold < 200 && alinea.loadWarmMax < 200
  console.log(`target p99 no worse than the reference: ${p99ok ? 'met' : 'NOT met'} (ratio ${ratio(alinea.p99, reference.p99)})`)
  console.log(`target bill load under 200 ms: ${loadOk ? 'met' : 'NOT met'} (first ${ms(alinea.loadCold)} ms, loaded max ${ms(alinea.loadWarmMax)} ms)`)
}
