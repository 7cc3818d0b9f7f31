/**
 * Vote throughput and latency: autocannon against PUT /api/v1/articles/:id/vote
 * with API tokens (each request carries one of N users' `Authorization: Bearer`
 * tokens), all users on one article, the server at the default log level
 * (`info`, logging to its standard output like a real deployment). Baseline,
 * in the same run: a bare express server (express.json() and a handler
 * answering a fixed tally) receiving the same PUT requests. Also measured: a
 * no-op PUT route inside Alinea's app (behind all its middleware), to tell
 * the middleware's share from the store's. Prints a table and the ratios the
 * issue sets as targets: vote throughput >= 50% of bare express, p99 <= 2x.
 *
 * Phases alternate (bare, vote, no-op, bare, vote, no-op, ..., bare) for `--rounds` rounds and the
 * ratios are of the medians, so that drifting load on a shared machine hits all three alike.
 *
 *   npm run bench:votes [-- --connections 100 --duration 10 --users 400 --rounds 3]
 *   npm run bench:votes -- --dist     (the built server in dist/: `npm run build` first)
 *   npm run bench:votes -- --tally-interval 0   (ALINEA_TALLY_INTERVAL_MS: 0 broadcasts one tally per vote)
 *   BENCH_PROF=1 npm run bench:votes    (CPU profiles of Alinea's process during the vote and
 *                                        no-op phases: /tmp/prof/vote.cpuprofile, noop.cpuprofile;
 *                                        summarise with scripts/bench/profile-top.ts)
 *   BENCH_PROF=heap npm run bench:votes (allocation sampling instead: /tmp/prof/vote.heapprofile)
 */
import { parseArgs } from 'node:util'
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import express from 'express'
import pino from 'pino'
import type { UserRecord } from '../../server/store/store.ts'

const { values } = parseArgs({ options: {
  connections: { type: 'string', default: '100' },
  duration: { type: 'string', default: '10' },
  users: { type: 'string', default: '400' },
  rounds: { type: 'string', default: '3' },
  dist: { type: 'boolean', default: false },
  'tally-interval': { type: 'string' },
  serve: { type: 'boolean', default: false },
  bare: { type: 'boolean', default: false }
} })
const connections = Number(values.connections)
const duration = Number(values.duration)
const nUsers = Number(values.users)
const rounds = Number(values.rounds)
const TALLY = { for: 1, mixed: 0, against: 0 }

interface Setup { url: string; article: string; tokens: string[] }

/**
 * Alinea's modules: the built server (`--dist`, what `node dist/server/main.js` runs; `npm run build`
 * first) or the sources (through tsx).
 */
async function modules () {
  const from = values.dist ? '../../dist/server' : '../../server'
  const ext = values.dist ? '.js' : '.ts'
  const load = <T> (path: string): Promise<T> => import(`${from}/${path}${ext}`) as Promise<T>
  return {
    ...await load<typeof import('../../server/config.ts')>('config'),
    ...await load<typeof import('../../server/app.ts')>('app'),
    ...await load<typeof import('../../server/store/sqlite/index.ts')>('store/sqlite/index'),
    ...await load<typeof import('../../server/domain/accounts.ts')>('domain/accounts'),
    ...await load<typeof import('../../server/domain/bills.ts')>('domain/bills')
  }
}

/** Alinea in this process, at the default log level, over a fresh SQLite file. */
async function serve (): Promise<void> {
  const { loadConfig, createApp, openSqliteStore, register, createToken, createBill, publishBill } = await modules()
  const dir = mkdtempSync(join(tmpdir(), 'alinea-bench-'))
  const config = loadConfig({}, { dbFile: join(dir, 'alinea.db'), ipLimits: false, demo: false, logLevel: 'info', clientDir: join(dir, 'none'),
    ...(values['tally-interval'] !== undefined ? { tallyIntervalMs: Number(values['tally-interval']) } : {}) })
  const app = createApp(config, openSqliteStore(config.dbFile), {
    log: pino({ level: config.logLevel }),
    mount: api => api.put('/bench/noop/:articleId', (_req, res) => { res.json(TALLY) })
  })
  const port = await app.listen(0, '127.0.0.1')
  const { ctx } = app
  const author = await register(ctx, { email: 'author@example.org', password: 'correct horse battery', displayName: 'Author' }, 'author')
  const bill = await createBill(ctx, author, { title: 'Bench', articles: [{ num: '1er', alineas: ['Alinéa unique.'] }] })
  await publishBill(ctx, author, bill.id, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })
  const article = (await ctx.store.listArticles(bill.id))[0].id
  const tokens: string[] = []
  for (let i = 0; i < nUsers; i++) {
    const u: UserRecord = { id: `usr_bench${i}`, email: `bench${i}@example.org`, displayName: `B${i}`, role: 'citizen', profileType: 'citizen', passwordHash: 'x', createdAt: new Date().toISOString(), emailVerified: true }
    await ctx.store.createUser(u)
    tokens.push(await createToken(ctx, u))
  }
  process.send!({ url: `http://127.0.0.1:${port}`, article, tokens } satisfies Setup)
  const session = new Session()
  process.on('message', async (m: unknown) => {
    if (m === 'cpu') process.send!({ cpu: process.cpuUsage() })
    if (typeof m === 'object' && m && 'profile' in m) {
      const { profile } = m as { profile: string }
      // BENCH_PROF=heap: allocation sampling instead of CPU (/tmp/prof/<phase>.heapprofile, for DevTools).
      const heap = process.env.BENCH_PROF === 'heap'
      if (profile === 'start') {
        session.connect()
        if (heap) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true })
        else {
          await session.post('Profiler.enable')
          await session.post('Profiler.start')
        }
      } else {
        const data = heap ? (await session.post('HeapProfiler.stopSampling')).profile : (await session.post('Profiler.stop')).profile
        session.disconnect()
        mkdirSync('/tmp/prof', { recursive: true })
        writeFileSync(`/tmp/prof/${profile}.${heap ? 'heapprofile' : 'cpuprofile'}`, JSON.stringify(data))
      }
      process.send!({ profiled: profile })
    }
    if (m === 'count') {
      const t = await ctx.store.getTally({ type: 'article', id: article })
      process.send!({ sum: t.for + t.mixed + t.against, rss: process.memoryUsage().rss })
    }
    if (m === 'stop') { await app.close(); rmSync(dir, { recursive: true, force: true }); process.exit(0) }
  })
}

/** The baseline: a bare express server answering the same PUT with a fixed tally. */
async function bare (): Promise<void> {
  const app = express()
  app.use(express.json())
  app.put('/api/v1/articles/:articleId/vote', (_req, res) => { res.json(TALLY) })
  const server = app.listen(0, '127.0.0.1', () => {
    const addr = server.address()
    process.send!({ url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` })
  })
  process.on('message', m => {
    if (m === 'cpu') process.send!({ cpu: process.cpuUsage() })
    if (m === 'stop') server.close(() => process.exit(0))
  })
}

function child (flag: string): ChildProcess {
  return fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), flag], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc']
  })
}
const message = <T> (c: ChildProcess): Promise<T> => new Promise(resolve => c.once('message', m => resolve(m as T)))

async function bench (): Promise<void> {
  // Each server in its own process: autocannon and the server under test each get a core.
  const alinea = child('--serve')
  const baseline = child('--bare')
  const [setup, { url: bareUrl }] = await Promise.all([message<Setup>(alinea), message<{ url: string }>(baseline)])
  const { article, tokens } = setup

  type Result = autocannon.Result
  // Server CPU time per answered request: on a busy shared machine throughput and latency
  // swing with the load, CPU time per request much less (it is what throughput would be bound
  // by if the server had its core to itself).
  const cpuOf = async (c: ChildProcess): Promise<number> => {
    c.send('cpu')
    const { cpu } = await message<{ cpu: NodeJS.CpuUsage }>(c)
    return cpu.user + cpu.system
  }
  const cpuPerRequest = new Map<Result, number>()
  const run = async (title: string, url: string, requests: autocannon.Request[], seconds = duration): Promise<Result> => {
    const server = url === bareUrl ? baseline : alinea
    const before = await cpuOf(server)
    const r = await new Promise<Result>((resolve, reject) => {
      autocannon({ url, connections, duration: seconds, requests, title }, (err, res) => err ? reject(err) : resolve(res))
    })
    cpuPerRequest.set(r, (await cpuOf(server) - before) / Math.max(r['2xx'], 1))
    return r
  }
  // Request k: user k mod N, value cycling every N requests, so every vote changes its value
  // and moves two counters (no idle re-votes). The same requests go to every server.
  const requests = (path: string): autocannon.Request[] => {
    let k = 0
    return [{
      setupRequest: req => {
        const i = k++
        return {
          ...req,
          method: 'PUT',
          path,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
          body: JSON.stringify({ value: ['for', 'mixed', 'against'][Math.floor(i / tokens.length) % 3] })
        }
      }
    }]
  }
  const votePath = `/api/v1/articles/${article}/vote`

  await run('warm-up bare', bareUrl, requests(votePath), 2)
  await run('warm-up vote', setup.url, requests(votePath), 2)
  const profiled = async (name: string, phase: () => Promise<Result>): Promise<Result> => {
    if (!process.env.BENCH_PROF) return phase()
    alinea.send({ profile: 'start' })
    await message(alinea)
    const r = await phase()
    alinea.send({ profile: name })
    await message(alinea)
    return r
  }
  const bares: Result[] = []
  const votes: Result[] = []
  const noops: Result[] = []
  bares.push(await run('bare express', bareUrl, requests(votePath)))
  for (let i = 0; i < rounds; i++) {
    // The last round's vote and no-op phases are profiled (with BENCH_PROF).
    const last = i === rounds - 1
    votes.push(last ? await profiled('vote', () => run('vote', setup.url, requests(votePath))) : await run('vote', setup.url, requests(votePath)))
    noops.push(last ? await profiled('noop', () => run('no-op in app', setup.url, requests(`/api/v1/bench/noop/${article}`))) : await run('no-op in app', setup.url, requests(`/api/v1/bench/noop/${article}`)))
    bares.push(await run('bare express', bareUrl, requests(votePath)))
  }
  const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2 }
  const rps = (rs: Result[]) => median(rs.map(r => r.requests.average))
  const p99 = (rs: Result[]) => median(rs.map(r => r.latency.p99))
  const p50 = (rs: Result[]) => median(rs.map(r => r.latency.p50))
  const list = (rs: Result[], f: (r: Result) => number) => rs.map(r => Math.round(f(r))).join(', ')
  const cpu = (rs: Result[]) => median(rs.map(r => cpuPerRequest.get(r)!))
  console.table([
    { name: 'bare express', 'CPU µs/req': Math.round(cpu(bares)), 'req/s (median)': Math.round(rps(bares)), 'p50 ms': p50(bares), 'p99 ms': p99(bares), 'req/s by run': list(bares, r => r.requests.average), 'p99 by run': list(bares, r => r.latency.p99) },
    { name: 'PUT vote', 'CPU µs/req': Math.round(cpu(votes)), 'req/s (median)': Math.round(rps(votes)), 'p50 ms': p50(votes), 'p99 ms': p99(votes), 'req/s by run': list(votes, r => r.requests.average), 'p99 by run': list(votes, r => r.latency.p99) },
    { name: 'no-op PUT in app', 'CPU µs/req': Math.round(cpu(noops)), 'req/s (median)': Math.round(rps(noops)), 'p50 ms': p50(noops), 'p99 ms': p99(noops), 'req/s by run': list(noops, r => r.requests.average), 'p99 by run': list(noops, r => r.latency.p99) }
  ])
  const failed = [...bares, ...votes, ...noops].reduce((n, r) => n + r.non2xx + r.errors, 0)
  console.log(`connections ${connections}, ${duration}s per phase, ${rounds} rounds, ${tokens.length} users with API tokens, 1 article, log level info; non-2xx or errors: ${failed}`)
  console.log(`vote throughput / bare express = ${(rps(votes) / rps(bares) * 100).toFixed(0)}% (target >= 50%)`)
  console.log(`vote p99 / bare express p99 = ${(p99(votes) / Math.max(p99(bares), 1)).toFixed(2)}x (target <= 2x)`)
  console.log(`no-op in app throughput / bare express = ${(rps(noops) / rps(bares) * 100).toFixed(0)}%`)
  console.log(`server CPU per request: vote ${Math.round(cpu(votes))} µs, no-op in app ${Math.round(cpu(noops))} µs, bare express ${Math.round(cpu(bares))} µs: ` +
    `CPU-bound throughput of a vote = ${(cpu(bares) / cpu(votes) * 100).toFixed(0)}% of bare express`)
  alinea.send('count')
  const { sum, rss } = await message<{ sum: number; rss: number }>(alinea)
  console.log(`votes on the article: ${sum} (of ${tokens.length} users); Alinea RSS ${Math.round(rss / 1e6)} MB`)
  alinea.send('stop')
  baseline.send('stop')
}

if (values.serve) await serve()
else if (values.bare) await bare()
else await bench()
