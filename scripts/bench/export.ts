/**
 * Export benchmark: generates the République numérique scale (30 articles,
 * 21,330 participants, 147,637 votes, 5,990 arguments, 1,387 amendments)
 * in a temporary SQLite file, then times the synthesis JSON and every
 * export format through HTTP as staff, each in a fresh server process whose
 * peak RSS (getrusage's max RSS) is read after the request; then a large
 * consultation (2 million arguments, 20 million votes by default) for the
 * CSV and JSON exports. The baseline of every row is measured in the same
 * run: the idle server's RSS after start, and `GET /bills/:id/revisions/1`
 * (a plain read of the bill's text) for time.
 * While each export runs, the server's event-loop delay is sampled, to
 * show that exports do not block other requests.
 *
 *   npm run bench:export [-- --large-votes 20000000 --large-arguments 2000000 --large-participants 1000000]
 *                        [--skip-large] [--dir /tmp/somewhere] [--keep]
 *
 * Targets: each format under 5 s (JSON and CSV under 2 s) and peak RSS under
 * 400 MB at the République numérique scale; peak RSS under 512 MB at the
 * large scale.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { monitorEventLoopDelay } from 'node:perf_hooks'

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    generate: { type: 'boolean', default: false },
    db: { type: 'string' },
    bill: { type: 'string' },
    staff: { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'skip-large': { type: 'boolean', default: false },
    'skip-rn': { type: 'boolean', default: false },
    'large-votes': { type: 'string', default: '20000000' },
    'large-arguments': { type: 'string', default: '2000000' },
    'large-participants': { type: 'string', default: '1000000' },
    'large-amendments': { type: 'string', default: '20000' },
    scale: { type: 'string' }
  }
})

const SCRIPT = fileURLToPath(import.meta.url)
const MB = 1024 * 1024

interface Ready { url: string; token: string; idleRss: number }
interface Done { maxRss: number; loopMaxMs: number; loopP99Ms: number }

/** Child: a server over the generated store, with a staff token; reports its peak RSS and event-loop delay when told. */
async function serve (): Promise<void> {
  const pino = (await import('pino')).default
  const { loadConfig } = await import('../../server/config.ts')
  const { createApp } = await import('../../server/app.ts')
  const { openSqliteStore } = await import('../../server/store/sqlite/index.ts')
  const { createToken } = await import('../../server/domain/accounts.ts')
  const config = loadConfig({}, { dbFile: values.db!, ipLimits: false, logLevel: 'silent', demo: false, clientDir: '/nonexistent' })
  const store = openSqliteStore(config.dbFile)
  const app = createApp(config, store, { log: pino({ level: 'silent' }) })
  const port = await app.listen(0, '127.0.0.1')
  const token = await createToken(app.ctx, (await store.getUser(values.staff!))!)
  const loop = monitorEventLoopDelay({ resolution: 10 })
  process.send!({ url: `http://127.0.0.1:${port}`, token, idleRss: process.memoryUsage().rss } satisfies Ready)
  process.on('message', async (m: unknown) => {
    if (m === 'start') { loop.reset(); loop.enable() }
    if (m === 'stop') {
      loop.disable()
      const done: Done = { maxRss: process.resourceUsage().maxRSS * 1024, loopMaxMs: loop.max / 1e6, loopP99Ms: loop.percentile(99) / 1e6 }
      process.send!(done)
      await app.close()
      process.exit(0)
    }
  })
}

/** Child: generates a consultation into the SQLite file and prints the result. */
async function generate (): Promise<void> {
  const { openSqliteStore } = await import('../../server/store/sqlite/index.ts')
  const { generateConsultation } = await import('../generate/consultation.ts')
  const scale = JSON.parse(values.scale!)
  const store = openSqliteStore(values.db!, { bulkLoad: true })
  const started = Date.now()
  let last = 0
  const result = await generateConsultation(store, {
    scale,
    progress: (phase, done, total) => {
      if (Date.now() - last > 10_000 || done === total) {
        last = Date.now()
        process.stderr.write(`  ${phase} ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`)
      }
    }
  })
  await store.close()
  process.send!({ ...result, seconds: (Date.now() - started) / 1000, maxRss: process.resourceUsage().maxRSS * 1024 })
  process.exit(0)
}

function child<T> (args: string[]): { proc: ReturnType<typeof fork>; next: () => Promise<T> } {
  const proc = fork(SCRIPT, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return { proc, next: () => new Promise<T>((resolve, reject) => { proc.once('message', m => resolve(m as T)); proc.once('exit', code => reject(new Error(`child exited with ${code}`))) }) }
}

async function generated (db: string, scale: Record<string, number>): Promise<{ billId: string; staffId: string; seconds: number; maxRss: number }> {
  const c = child<{ billId: string; staffId: string; seconds: number; maxRss: number }>(['--generate', '--db', db, '--scale', JSON.stringify(scale)])
  return c.next()
}

interface Row { what: string; seconds: number; bytes: number; peakRss: number; idleRss: number; loopMaxMs: number; targetS: number; targetMb: number; status: number }

/** Runs one request in a fresh server and measures it. */
async function measure (db: string, billId: string, staffId: string, what: string, path: string, targetS: number, targetMb: number): Promise<Row> {
  const c = child<unknown>(['--serve', '--db', db, '--bill', billId, '--staff', staffId])
  const ready = await c.next() as Ready
  c.proc.send('start')
  const started = performance.now()
  const res = await fetch(`${ready.url}/api/v1${path}`, { headers: { authorization: `Bearer ${ready.token}` } })
  let bytes = 0
  const reader = res.body!.getReader()
  for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.length
  const seconds = (performance.now() - started) / 1000
  const donePromise = c.next()
  c.proc.send('stop')
  const done = await donePromise as Done
  return { what, seconds, bytes, peakRss: done.maxRss, idleRss: ready.idleRss, loopMaxMs: done.loopMaxMs, targetS, targetMb, status: res.status }
}

function table (title: string, rows: Row[], baseline: Row): void {
  console.log(`\n${title}`)
  console.table(rows.map(r => ({
    export: r.what,
    status: r.status,
    's': r.seconds.toFixed(2),
    'x baseline': (r.seconds / baseline.seconds).toFixed(0),
    'MB out': (r.bytes / MB).toFixed(1),
    'peak RSS MB': (r.peakRss / MB).toFixed(0),
    'idle RSS MB': (r.idleRss / MB).toFixed(0),
    'peak/idle': (r.peakRss / r.idleRss).toFixed(2),
    'max loop delay ms': r.loopMaxMs.toFixed(0),
    target: `< ${r.targetS} s, < ${r.targetMb} MB`,
    ok: r.status === 200 && r.seconds < r.targetS && r.peakRss < r.targetMb * MB ? 'yes' : 'NO'
  })))
}

async function bench (): Promise<void> {
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'alinea-bench-export-'))
  try {
    // 1. République numérique.
    if (!values['skip-rn']) await republiqueNumerique(dir)
    if (values['skip-large']) return
    await largeScale(dir)
  } finally {
    if (!values.keep && !values.dir) rmSync(dir, { recursive: true, force: true })
  }
}

async function republiqueNumerique (dir: string): Promise<void> {
  const rnDb = join(dir, 'republique-numerique.db')
  const { SCALES } = await import('../generate/scales.ts')
  console.log(`generating the République numérique scale in ${rnDb} ...`)
  const rn = await generated(rnDb, SCALES['republique-numerique'])
  console.log(`generated in ${rn.seconds.toFixed(1)} s (generator peak RSS ${(rn.maxRss / MB).toFixed(0)} MB), ${(statSync(rnDb).size / MB).toFixed(0)} MB on disk`)
  const bill = rn.billId
  const baseline = await measure(rnDb, bill, rn.staffId, 'GET revision (baseline)', `/bills/${bill}/revisions/1`, 5, 400)
  const rows: Row[] = [baseline]
  const formats: [string, string, number][] = [
    ['GET /bills/:id', `/bills/${bill}`, 5],
    ['synthesis (JSON)', `/bills/${bill}/synthesis`, 5],
    ['json (open data)', `/bills/${bill}/export?format=json`, 2],
    ['json (staff)', `/bills/${bill}/export?format=json&audience=staff`, 2],
    ...['articles', 'amendments', 'arguments', 'votes', 'participation'].map((kind): [string, string, number] => [`csv ${kind}`, `/bills/${bill}/export?format=csv&kind=${kind}`, 2]),
    ['xlsx', `/bills/${bill}/export?format=xlsx`, 5],
    ['docx', `/bills/${bill}/export?format=docx`, 5],
    ['html', `/bills/${bill}/export?format=html`, 5],
    ['pdf (Chromium)', `/bills/${bill}/export?format=pdf`, 5],
    ['akn', `/bills/${bill}/export?format=akn`, 5],
    ['akn consolidated', `/bills/${bill}/export?format=akn&version=consolidated`, 5]
  ]
  for (const [what, path, targetS] of formats) rows.push(await measure(rnDb, bill, rn.staffId, what, path, targetS, 400))
  table('République numérique scale (21,330 participants, 147,637 votes, 5,990 arguments, 1,387 amendments)', rows, baseline)
  if (!values.keep) rmSync(rnDb, { force: true })
}

async function largeScale (dir: string): Promise<void> {
  // 2. Large: CSV and JSON only.
  const large = {
    articles: 30,
    participants: Number(values['large-participants']),
    votes: Number(values['large-votes']),
    arguments: Number(values['large-arguments']),
    amendments: Number(values['large-amendments'])
  }
  const bigDb = join(dir, 'large.db')
  console.log(`\ngenerating ${large.votes.toLocaleString('en')} votes, ${large.arguments.toLocaleString('en')} arguments, ${large.participants.toLocaleString('en')} participants in ${bigDb} ...`)
  const big = await generated(bigDb, large)
  console.log(`generated in ${big.seconds.toFixed(0)} s (generator peak RSS ${(big.maxRss / MB).toFixed(0)} MB), ${(statSync(bigDb).size / MB).toFixed(0)} MB on disk`)
  const bigBaseline = await measure(bigDb, big.billId, big.staffId, 'GET revision (baseline)', `/bills/${big.billId}/revisions/1`, 5, 512)
  const bigRows: Row[] = [bigBaseline]
  for (const [what, path] of [
    ['GET /bills/:id', `/bills/${big.billId}`],
    ['json (open data)', `/bills/${big.billId}/export?format=json`],
    ['csv votes', `/bills/${big.billId}/export?format=csv&kind=votes`],
    ['csv arguments', `/bills/${big.billId}/export?format=csv&kind=arguments`],
    ['csv amendments', `/bills/${big.billId}/export?format=csv&kind=amendments`]
  ]) bigRows.push(await measure(bigDb, big.billId, big.staffId, what, path, Infinity, 512))
  table(`Large scale (${large.participants.toLocaleString('en')} participants, ${large.votes.toLocaleString('en')} votes, ${large.arguments.toLocaleString('en')} arguments, ${large.amendments.toLocaleString('en')} amendments); memory target only`, bigRows, bigBaseline)
  if (!values.keep) rmSync(bigDb, { force: true })
}

if (values.serve) await serve()
else if (values.generate) await generate()
else await bench()
