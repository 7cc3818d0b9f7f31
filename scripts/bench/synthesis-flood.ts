/**
 * Synthesis flood: does a burst of synthesis requests stall the server?
 * Generates a consultation in a temporary SQLite file, starts the real
 * server process (server/main.ts) on it with the per-address limits off
 * (all requests come from one address here; in production they would also
 * be cut at 30 a minute per address), then for each scenario:
 *
 * - baseline: `/healthz` latency (one request at a time) with nothing else
 *   going on, and the server's RSS;
 * - flood: 400 concurrent `GET /bills/:id/synthesis` while `/healthz` is
 *   probed one request at a time from another process (whose event loop
 *   is not busy reading the answers); p50/p99 of those probes, the ratio to the
 *   baseline of the same run, the growth of the server's RSS (peak during
 *   the flood minus before), and the answers' statuses.
 *
 * Scenarios: the defaults (synthesis cache on), and the cache turned off
 * (ALINEA_SYNTHESIS_CACHE_MS=0), where every request reaches the bounded
 * read pool and those past its queue get 503 + Retry-After.
 *
 *   npx tsx scripts/bench/synthesis-flood.ts [--requests 400] [--votes 200000] [--participants 20000] [--probes 200]
 *
 * Targets: /healthz p99 under 200 ms and RSS growth under 150 MB during
 * 400 concurrent synthesis requests. Linux only (RSS from /proc).
 */
import { fork, execFileSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'

const { values } = parseArgs({
  options: {
    probe: { type: 'string' },
    requests: { type: 'string', default: '400' },
    votes: { type: 'string', default: '200000' },
    participants: { type: 'string', default: '20000' },
    probes: { type: 'string', default: '200' }
  }
})
const REQUESTS = Number(values.requests)
const PROBES = Number(values.probes)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MB = 1024 * 1024

/** The resident set size of a process, in bytes. */
function rss (pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) * 1024 : 0
}

function percentile (xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]
}

/** Starts server/main.ts; resolves with its URL once it listens. */
function start (env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(ROOT, 'server/main.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'error', ALINEA_DEMO: '0', ALINEA_IP_LIMITS: '0', ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc']
    })
    child.on('message', (m: any) => { if (m?.ready) resolve({ child, url: `http://127.0.0.1:${m.port}` }) })
    child.on('exit', code => reject(new Error(`server exited with ${code}`)))
  })
}

async function healthz (url: string): Promise<number> {
  const t = performance.now()
  const r = await fetch(`${url}/healthz`)
  await r.arrayBuffer()
  return performance.now() - t
}

/** Child: probes `url`/healthz one request at a time until told to stop, then sends the latencies (its own event loop is idle). */
async function probe (url: string): Promise<void> {
  let stop = false
  process.on('message', () => { stop = true })
  const latencies: number[] = []
  while (!stop) latencies.push(await healthz(url))
  process.send!({ latencies }, () => process.exit(0))
}

/** Starts a prober process; `stop` resolves with its latencies. */
function startProbe (url: string): { stop: () => Promise<number[]> } {
  const child = fork(fileURLToPath(import.meta.url), ['--probe', url], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const result = new Promise<number[]>(resolve => child.once('message', (m: any) => resolve(m.latencies)))
  return { stop: () => { child.send('stop'); return result } }
}

interface Row { scenario: string; p50: number; p99: number; max: number; rssBefore: number; rssPeak: number; statuses: Record<string, number>; seconds: number }

async function scenario (name: string, db: string, billId: string, env: Record<string, string>): Promise<{ baseline: Row; flood: Row }> {
  const { child, url } = await start({ ALINEA_DB: db, ...env })
  const pid = child.pid!
  try {
    for (let i = 0; i < 20; i++) await healthz(url) // warm up
    const base: number[] = []
    const t0 = performance.now()
    for (let i = 0; i < PROBES; i++) base.push(await healthz(url))
    const rssIdle = rss(pid)
    const baseline: Row = { scenario: `${name}: baseline (no flood)`, p50: percentile(base, 0.5), p99: percentile(base, 0.99), max: Math.max(...base), rssBefore: rssIdle, rssPeak: rssIdle, statuses: {}, seconds: (performance.now() - t0) / 1000 }

    let peak = rss(pid)
    const sampler = setInterval(() => { peak = Math.max(peak, rss(pid)) }, 20)
    const before = rss(pid)
    const statuses: Record<string, number> = {}
    const prober = startProbe(url)
    await healthz(url)
    const t1 = performance.now()
    await Promise.all(Array.from({ length: REQUESTS }, async () => {
      const r = await fetch(`${url}/api/v1/bills/${billId}/synthesis`)
      await r.arrayBuffer()
      statuses[r.status] = (statuses[r.status] ?? 0) + 1
    }))
    const probes = await prober.stop()
    const seconds = (performance.now() - t1) / 1000
    clearInterval(sampler)
    peak = Math.max(peak, rss(pid))
    return {
      baseline,
      flood: { scenario: `${name}: ${REQUESTS} concurrent synthesis`, p50: percentile(probes, 0.5), p99: percentile(probes, 0.99), max: Math.max(...probes), rssBefore: before, rssPeak: peak, statuses, seconds }
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise(resolve => child.once('exit', resolve))
  }
}

if (values.probe) {
  await probe(values.probe)
} else {
  await main()
}

async function main (): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'alinea-flood-'))
  try {
    const db = join(dir, 'flood.db')
    process.stderr.write('generating...\n')
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/generate.ts'), '--scale', 'small', '--db', db,
      '--votes', String(values.votes), '--participants', String(values.participants), '--arguments', '2000', '--amendments', '400'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    const { billId } = JSON.parse(out.trim().split('\n').pop()!)
    const rows: Row[] = []
    const ratios: string[] = []
    for (const [name, env] of [['cache on (defaults)', {}], ['cache off', { ALINEA_SYNTHESIS_CACHE_MS: '0' }]] as const) {
      process.stderr.write(`${name}...\n`)
      const { baseline, flood } = await scenario(name, db, billId, env)
      rows.push(baseline, flood)
      ratios.push(`${name}: p99 ${(flood.p99 / baseline.p99).toFixed(1)}x the baseline, RSS +${((flood.rssPeak - flood.rssBefore) / MB).toFixed(0)} MB`)
    }
    console.log(`synthesis flood: ${values.votes} votes, ${values.participants} participants, ${REQUESTS} concurrent requests, /healthz probed one at a time\n`)
    console.log('| scenario | /healthz p50 | p99 | max | RSS before | RSS peak | growth | answers | flood time |')
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    for (const r of rows) {
      const answers = Object.entries(r.statuses).map(([k, v]) => `${v}× ${k}`).join(', ') || '-'
      console.log(`| ${r.scenario} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${(r.rssBefore / MB).toFixed(0)} MB | ${(r.rssPeak / MB).toFixed(0)} MB | ${((r.rssPeak - r.rssBefore) / MB).toFixed(0)} MB | ${answers} | ${r.seconds.toFixed(1)} s |`)
    }
    console.log('\n' + ratios.join('\n'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
