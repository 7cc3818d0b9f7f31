/**
 * Live fan-out on two nodes against one, in the same run: 2,000 socket.io
 * clients subscribed to one bill; votes go through the HTTP API and every
 * client records when the new tally arrived. Baseline: one node alone (no
 * Redis), all clients on it, all votes to it. Cluster: two nodes on one
 * SQLite file with Redis between them (socket.io's Redis streams adapter),
 * half the clients on each node, votes alternating between the nodes, so
 * half of every node's deliveries come from the other node through Redis.
 * Figures: the delay from a vote's 200 response to each client's receipt,
 * p50 and p99, and the ratio cluster / one node. Runs alternate
 * (one, two, one, ...) so drifting machine load hits both alike.
 *
 * Every part is its own process: nodes, client processes, this orchestrator.
 *
 *   npx tsx scripts/bench/cluster.ts [-- --clients 2000 --procs 2 --votes 100 --rate 10 --rounds 1]
 *
 * `--tally-interval` is the nodes' ALINEA_TALLY_INTERVAL_MS: 0 (the default here) sends one tally
 * per vote, which is what this measure follows; `BENCH_PROF=1` profiles the nodes; `--votes-to first`
 * sends every vote to the first node (deliveries still half through Redis, but one writer).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import http from 'node:http'
import { io as ioClient, type Socket } from 'socket.io-client'

const { values } = parseArgs({ options: {
  clients: { type: 'string', default: '2000' },
  procs: { type: 'string', default: '2' },
  votes: { type: 'string', default: '100' },
  rate: { type: 'string', default: '10' },
  rounds: { type: 'string', default: '1' },
  'tally-interval': { type: 'string', default: '0' },
  'votes-to': { type: 'string', default: 'all' },
  role: { type: 'string' },
  db: { type: 'string' },
  redis: { type: 'string' },
  first: { type: 'string' },
  count: { type: 'string' },
  urls: { type: 'string' },
  bill: { type: 'string' },
  target: { type: 'string' }
} })

const now = (): number => performance.timeOrigin + performance.now()
const SELF = fileURLToPath(import.meta.url)

interface NodeSetup { url: string; billId: string; targetId: string; cookies: string[] }

/** One Alinea node on `--db`, with Redis when `--redis` is given; the first node makes the bill and the voters. */
async function serveNode (): Promise<void> {
  const pino = (await import('pino')).default
  const { loadConfig } = await import('../../server/config.ts')
  const { createApp } = await import('../../server/app.ts')
  const { openSqliteStore } = await import('../../server/store/sqlite/index.ts')
  const { joinCluster } = await import('../../server/cluster/index.ts')
  const { openSession } = await import('../../server/domain/accounts.ts')
  const { createBill, publishBill } = await import('../../server/domain/bills.ts')
  const log = pino({ level: 'silent' })
  const config = loadConfig({}, { dbFile: values.db!, ipLimits: false, contributionsPerMinute: 0, logLevel: 'silent', demo: false, clientDir: '/nonexistent', redisUrl: values.redis ?? null, maxSocketsPerAddress: 0, maxSocketsPerUser: 0, tallyIntervalMs: Number(values['tally-interval']) })
  const cluster = values.redis ? await joinCluster(values.redis, log) : undefined
  const app = createApp(config, openSqliteStore(values.db!), { log, cluster })
  const port = await app.listen(0, '127.0.0.1')
  const url = `http://127.0.0.1:${port}`
  let setup: NodeSetup
  if (values.first) {
    setup = JSON.parse(values.first) as NodeSetup
    setup.url = url
  } else {
    const ctx = app.ctx
    const author = { id: 'usr_author', email: 'author@example.org', displayName: 'A', role: 'author' as const, profileType: 'citizen' as const, passwordHash: 'x', createdAt: new Date().toISOString(), emailVerified: true }
    await ctx.store.createUser(author)
    const created = await createBill(ctx, author, { title: 'Bench', articles: [{ num: '1er', alineas: ['Un alinéa.'] }] })
    await publishBill(ctx, author, created.id, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })
    const bill = await (await fetch(`${url}/api/v1/bills/${created.id}`)).json() as { id: string; articles: { id: string }[] }
    const cookies: string[] = []
    for (let i = 0; i < Number(values.votes); i++) {
      const u = { ...author, id: `usr_v${i}`, email: `v${i}@example.org`, role: 'citizen' as const }
      await ctx.store.createUser(u)
      cookies.push(`alinea_session=${await openSession(ctx, u)}`)
    }
    setup = { url, billId: bill.id, targetId: bill.articles[0].id, cookies }
  }
  process.on('message', async m => { if (m === 'stop') { await app.close(); process.exit(0) } })
  process.send!(setup)
}

/** `count` clients, spread over `urls`, subscribed to the bill; each records when it got each tally (by its `for` count). */
async function runClients (): Promise<void> {
  const count = Number(values.count)
  const votes = Number(values.votes)
  const urls = values.urls!.split(',')
  const sockets: Socket[] = []
  const times: Float64Array[] = []
  let complete = 0
  const connectOne = (i: number) => new Promise<void>((resolve, reject) => {
    const socket = ioClient(urls[i % urls.length], { transports: ['websocket'], reconnection: false, forceNew: true })
    const t = new Float64Array(votes + 1).fill(NaN)
    let got = 0
    socket.on('tally', (p: { target: { id: string }; tally: { for: number } }) => {
      const seq = p.tally.for
      if (p.target.id === values.target && seq >= 1 && seq <= votes && Number.isNaN(t[seq])) {
        t[seq] = now()
        if (++got === votes && ++complete === count) process.send!({ type: 'done' })
      }
    })
    socket.once('connect_error', reject)
    socket.once('connect', async () => {
      const ack = await socket.emitWithAck('subscribe', { billId: values.bill }) as { ok: boolean }
      if (!ack.ok) reject(new Error('subscribe refused'))
      sockets.push(socket)
      times.push(t)
      resolve()
    })
  })
  for (let i = 0; i < count; i += 50) await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => connectOne(i + k)))
  process.on('message', (m: any) => {
    if (m.type === 'report') {
      const answered = m.responseAt as Float64Array
      const delays: number[] = []
      let missing = 0
      for (const t of times) {
        for (let seq = 1; seq <= votes; seq++) {
          if (Number.isNaN(t[seq])) missing++
          else delays.push(t[seq] - answered[seq])
        }
      }
      process.send!({ type: 'report', delays: Float64Array.from(delays), missing })
    }
    if (m.type === 'stop') { for (const s of sockets) s.disconnect(); process.exit(0) }
  })
  process.send!({ type: 'ready' })
}

// BENCH_PROF=1: CPU profiles of the nodes (written when they exit) in /tmp/prof/cluster/.
const children = new Set<ChildProcess>()
// A failed run leaves no node or client process behind.
process.on('exit', () => { for (const c of children) if (c.exitCode === null) c.kill() })
const child = (args: string[]): ChildProcess => {
  const c = fork(SELF, [...args, `--tally-interval=${values['tally-interval']}`], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROF && args.includes('--role=node') ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof/cluster'] : [])],
    serialization: 'advanced'
  })
  children.add(c)
  return c
}
const message = <T> (c: ChildProcess, match: (m: any) => boolean = () => true): Promise<T> =>
  new Promise(resolve => {
    const on = (m: unknown) => { if (match(m)) { c.off('message', on); resolve(m as T) } }
    c.on('message', on)
  })
const pct = (sorted: Float64Array, p: number): number => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN

interface Result { name: string; p50: number; p99: number; max: number; deliveries: number; missing: number }

/** One run with `nodes` nodes (1: alone, no Redis; 2: Redis at `redisUrl`). */
async function run (nodes: 1 | 2, redisUrl: string): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'alinea-bench-cluster-'))
  const db = join(dir, 'alinea.db')
  const votes = Number(values.votes)
  const redis = nodes === 2 ? [`--redis=${redisUrl}`] : []
  const first = child(['--role=node', `--db=${db}`, `--votes=${votes}`, ...redis])
  const setup = await message<NodeSetup>(first)
  const servers = [first]
  const setups = [setup]
  if (nodes === 2) {
    const second = child(['--role=node', `--db=${db}`, `--votes=${votes}`, ...redis, `--first=${JSON.stringify({ ...setup, cookies: [] })}`])
    setups.push(await message<NodeSetup>(second))
    servers.push(second)
  }
  const nClients = Number(values.clients)
  const procs = Number(values.procs)
  const urls = setups.map(s => s.url).join(',')
  const clients = Array.from({ length: procs }, (_, i) => child(['--role=clients', `--count=${Math.floor(nClients / procs) + (i < nClients % procs ? 1 : 0)}`, `--votes=${votes}`, `--urls=${urls}`, `--bill=${setup.billId}`, `--target=${setup.targetId}`]))
  await Promise.all(clients.map(c => message(c, m => m.type === 'ready')))
  const done = Promise.all(clients.map(c => message(c, m => m.type === 'done')))
  const responseAt = new Float64Array(votes + 1)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const vote = (i: number) => new Promise<void>((resolve, reject) => {
    // --votes-to first: every vote to the first node (no two processes writing one SQLite file).
    const base = setups[values['votes-to'] === 'first' ? 0 : i % setups.length].url
    const req = http.request(`${base}/api/v1/articles/${setup.targetId}/vote`, { method: 'PUT', agent, headers: { 'content-type': 'application/json', cookie: setup.cookies[i] } }, res => {
      const t1 = now()
      let body = ''
      res.setEncoding('utf8').on('data', d => { body += d }).on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${res.statusCode} ${body}`))
        responseAt[(JSON.parse(body) as { for: number }).for] = t1
        resolve()
      })
    })
    req.on('error', reject)
    req.end('{"value":"for"}')
  })
  const rate = Number(values.rate)
  const start = now() + 200
  const pending: Promise<void>[] = []
  for (let i = 0; i < votes; i++) {
    const wait = start + i * 1000 / rate - now()
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
    pending.push(vote(i))
  }
  await Promise.all(pending)
  await Promise.race([done, new Promise(resolve => setTimeout(resolve, 30_000))])
  for (const c of clients) c.send({ type: 'report', responseAt })
  const reports = await Promise.all(clients.map(c => message<{ delays: Float64Array; missing: number }>(c, m => m.type === 'report')))
  for (const c of clients) c.send({ type: 'stop' })
  for (const s of servers) s.send('stop')
  agent.destroy()
  await Promise.all([...servers, ...clients].map(c => c.exitCode === null ? new Promise(resolve => c.once('exit', resolve)) : null))
  rmSync(dir, { recursive: true, force: true })
  const all = new Float64Array(reports.reduce((n, r) => n + r.delays.length, 0))
  let o = 0
  for (const r of reports) { all.set(r.delays, o); o += r.delays.length }
  all.sort()
  return {
    name: nodes === 1 ? 'one node (no Redis)' : 'two nodes + Redis',
    p50: pct(all, 0.5),
    p99: pct(all, 0.99),
    max: all[all.length - 1],
    deliveries: all.length,
    missing: reports.reduce((n, r) => n + r.missing, 0)
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function bench (): Promise<void> {
  const { startRedis } = await import('../../test/cluster/redis.ts')
  const dir = mkdtempSync(join(tmpdir(), 'alinea-bench-redis-'))
  const redis = await startRedis(dir)
  const results: Result[] = []
  try {
    const rounds = Number(values.rounds)
    for (let r = 0; r < rounds; r++) {
      results.push(await run(1, redis.url))
      results.push(await run(2, redis.url))
    }
    results.push(await run(1, redis.url))
  } finally {
    await redis.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  const ms = (x: number) => Number(x.toFixed(1))
  console.table(results.map(r => ({ run: r.name, 'p50 ms (from 200)': ms(r.p50), 'p99 ms (from 200)': ms(r.p99), 'max ms': ms(r.max), deliveries: r.deliveries, missing: r.missing })))
  const of = (name: string, k: 'p50' | 'p99') => median(results.filter(r => r.name === name).map(r => r[k]))
  const one = 'one node (no Redis)'
  const two = 'two nodes + Redis'
  console.log(`${values.clients} clients in ${values.procs} client processes, ${values.votes} votes at ${values.rate}/s per run`)
  console.log(`p99 from the 200 response, two nodes / one node: ${ms(of(two, 'p99'))} / ${ms(of(one, 'p99'))} = ${(of(two, 'p99') / of(one, 'p99')).toFixed(2)}x`)
  console.log(`p50 from the 200 response: two nodes ${ms(of(two, 'p50'))} ms, one node ${ms(of(one, 'p50'))} ms`)
}

if (values.role === 'node') await serveNode()
else if (values.role === 'clients') await runClients()
else await bench()
