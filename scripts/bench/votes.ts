/**
 * Vote throughput and latency: autocannon against PUT /articles/:id/vote
 * with many distinct users (each request carries one of N session cookies),
 * and, in the same run and the same express app, against a no-op route as
 * the baseline. Prints a table and the ratios the issue sets as targets:
 * vote throughput >= 50% of the baseline's, vote p99 <= 2x the baseline's.
 *
 *   npm run bench:votes [-- --connections 100 --duration 10 --users 2000]
 */
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startServer } from '../../test/helpers/server.ts'
import { openSession } from '../../server/domain/accounts.ts'
import type { UserRecord } from '../../server/store/store.ts'

const { values } = parseArgs({ options: {
  connections: { type: 'string', default: '100' },
  duration: { type: 'string', default: '10' },
  users: { type: 'string', default: '2000' },
  serve: { type: 'boolean', default: false }
} })
const connections = Number(values.connections)
const duration = Number(values.duration)
const nUsers = Number(values.users)

interface Setup { url: string; articles: string[]; cookies: string[] }

/**
 * The server runs in a child process (this same script with --serve), so the load
 * generator and the server each get a core instead of sharing one event loop.
 * The baseline is a route of the same app, behind the same middleware (body parser,
 * session lookup, origin check), answering a fixed tally without touching the store.
 */
async function serve (): Promise<void> {
  const s = await startServer({ mount: api => api.put('/bench/noop', (_req, res) => { res.json({ for: 0, mixed: 0, against: 0 }) }) })
  const { app } = s
  const author = await s.as('author')
  const created = await author.post('/bills', { title: 'Bench', articles: Array.from({ length: 30 }, (_, i) => ({ num: i === 0 ? '1er' : String(i + 1), alineas: [`Alinéa de l'article ${i + 1}.`] })) })
  await author.post(`/bills/${created.body.id}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })
  const articles: string[] = (await author.get(`/bills/${created.body.id}`)).body.articles.map((a: any) => a.id)
  const cookies: string[] = []
  for (let i = 0; i < nUsers; i++) {
    const u: UserRecord = { id: `usr_bench${i}`, email: `bench${i}@example.org`, displayName: `B${i}`, role: 'citizen', profileType: 'citizen', passwordHash: 'x', createdAt: new Date().toISOString(), emailVerified: true }
    await app.ctx.store.createUser(u)
    cookies.push(`alinea_session=${await openSession(app.ctx, u)}`)
  }
  process.send!({ url: s.url, articles, cookies } satisfies Setup)
  process.on('message', async (m: any) => {
    if (m === 'count') {
      const t = await app.ctx.store.getTallies('article', articles)
      let sum = 0
      for (const v of t.values()) sum += v.for + v.mixed + v.against
      process.send!({ sum, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed })
    }
    if (m === 'stop') { await s.stop(); process.exit(0) }
  })
}

if (process.argv.includes('--serve')) {
  await serve()
} else {
  await bench()
}

async function bench (): Promise<void> {
const child = fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), '--serve'], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [])] })
const setup = await new Promise<Setup>(resolve => child.once('message', m => resolve(m as Setup)))
const { articles, cookies } = setup
const s = { url: setup.url }

type Result = autocannon.Result
function run (title: string, requests: autocannon.Request[], seconds = duration): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url: s.url, connections, duration: seconds, requests, title }, (err, res) => err ? reject(err) : resolve(res))
  })
}

let k = 0
const voteRequests: autocannon.Request[] = [{
  setupRequest: (req) => {
    // Every (user, article) pair is used once before any repeats, and a repeat changes the
    // value, so each request writes a vote and moves two counters (no idle re-votes).
    const i = k++
    const pairs = cookies.length * articles.length
    return {
      ...req,
      method: 'PUT',
      path: `/api/v1/articles/${articles[i % articles.length]}/vote`,
      headers: { 'content-type': 'application/json', cookie: cookies[Math.floor(i / articles.length) % cookies.length] },
      body: JSON.stringify({ value: ['for', 'mixed', 'against'][Math.floor(i / pairs) % 3] })
    }
  }
}]
let j = 0
const noopRequests: autocannon.Request[] = [{
  setupRequest: (req) => ({ ...req, method: 'PUT', path: '/api/v1/bench/noop', headers: { 'content-type': 'application/json', cookie: cookies[j++ % cookies.length] }, body: '{"value":"for"}' })
}]

// Warm both paths up (JIT, statement caches), then measure baseline, votes, baseline again.
await run('warm-up no-op', noopRequests, 2)
await run('warm-up vote', voteRequests, 2)
const base1 = await run('no-op', noopRequests)
const votes = await run('vote', voteRequests)
const base2 = await run('no-op', noopRequests)
const base = base1.requests.average >= base2.requests.average ? base1 : base2

const row = (name: string, r: Result) => ({
  name,
  'req/s': Math.round(r.requests.average),
  'p50 ms': r.latency.p50,
  'p99 ms': r.latency.p99,
  '2xx': r['2xx'],
  'non-2xx': r.non2xx,
  errors: r.errors
})
console.table([row('no-op (baseline, before)', base1), row('PUT vote', votes), row('no-op (baseline, after)', base2)])
console.log('ratios use the better of the two baseline runs')
const throughput = votes.requests.average / base.requests.average
const p99 = votes.latency.p99 / Math.max(base.latency.p99, 1)
console.log(`connections ${connections}, duration ${duration}s each, ${nUsers} users, ${articles.length} articles`)
console.log(`vote throughput / baseline = ${(throughput * 100).toFixed(0)}% (target >= 50%)`)
console.log(`vote p99 / baseline p99 = ${p99.toFixed(2)}x (target <= 2x)`)
child.send('count')
const { sum, rss, heap } = await new Promise<{ sum: number; rss: number; heap: number }>(resolve => child.once('message', m => resolve(m as never)))
console.log(`votes stored: ${sum} (${nUsers * articles.length} distinct user-article pairs available); server RSS ${Math.round(rss / 1e6)} MB, heap used ${Math.round(heap / 1e6)} MB`)
child.send('stop')
}
