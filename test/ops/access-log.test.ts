/**
 * Request logging (server/http/access-log.ts) on the response's one `close`
 * listener (server/http/response-end.ts): a line per answered request at the
 * level its status sets, with method, path, status and duration and never a
 * header; nothing for the probes; and the metrics counted on the same listener.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import pino from 'pino'
import { loadConfig } from '../../server/config.ts'
import { createApp, type App } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/index.ts'

interface Line { level: number; msg: string; req?: { id: number; method: string; url: string }; res?: { status: number }; responseTime?: number }

describe('Operations: access log', () => {
  const lines: Line[] = []
  let app: App
  let url: string
  let dir: string
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alinea-access-'))
    const config = loadConfig({}, { dbFile: join(dir, 'alinea.db'), ipLimits: false, logLevel: 'debug', demo: false, clientDir: join(dir, 'none') })
    const sink = new Writable({ write (chunk: Buffer, _enc, done) { for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Line); done() } })
    app = createApp(config, openSqliteStore(config.dbFile), { log: pino({ level: 'debug' }, sink) })
    url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`
  })
  after(async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** The access-log lines, waiting for the one of `path` (the hook runs on 'close', after the answer). */
  async function lineOf (path: string): Promise<Line> {
    for (;;) {
      const l = lines.find(x => x.msg === 'request completed' && x.req?.url === path)
      if (l) return l
      await new Promise(resolve => setImmediate(resolve))
    }
  }

  it('logs each answered request at its status\'s level, without headers, and skips the probes', async () => {
    assert.equal((await fetch(`${url}/healthz`)).status, 200)
    assert.equal((await fetch(`${url}/api/v1/bills`, { headers: { authorization: 'Bearer secret-token-value' } })).status, 200)
    assert.equal((await fetch(`${url}/api/v1/nowhere`)).status, 404)
    const ok = await lineOf('/api/v1/bills')
    assert.equal(ok.level, 20, 'a 200 at debug')
    assert.equal(ok.req?.method, 'GET')
    assert.equal(ok.res?.status, 200)
    assert.equal(typeof ok.responseTime, 'number')
    const missing = await lineOf('/api/v1/nowhere')
    assert.equal(missing.level, 30, 'a 404 at info')
    assert.equal(missing.res?.status, 404)
    assert.ok(missing.req!.id > ok.req!.id, 'request ids grow')
    assert.ok(!JSON.stringify(lines).includes('secret-token-value'), 'no header reaches the logs')
    assert.equal(lines.filter(l => l.req?.url === '/healthz').length, 0, 'probes are not logged')
  })

  it('counts the same requests in the metrics, none left in flight', async () => {
    const text = await (await fetch(`${url}/metrics`)).text()
    assert.match(text, /alinea_http_requests_total\{method="GET",route="\/api\/v1\/bills",status="200"\} 1\n/)
    assert.match(text, /alinea_http_requests_total\{method="GET",route="\(unmatched\)",status="404"\} 1\n/)
    // The scrape itself is in flight while it is answered.
    assert.match(text, /alinea_http_requests_in_flight 1\n/)
  })
})
