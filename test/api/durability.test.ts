/**
 * Durability: a vote acknowledged with 200 survives the server process being
 * killed with SIGKILL and restarted on the same data file; SIGTERM shuts
 * down cleanly.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ApiClient } from '../helpers/server.ts'
import { spawnServer, exited } from '../helpers/process.ts'

describe('Durability of acknowledged writes', function () {
  this.timeout(90_000)
  let dir: string
  before(() => { dir = mkdtempSync(join(tmpdir(), 'alinea-durable-')) })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps every vote acknowledged before a SIGKILL, after a restart', async () => {
    const env = { ALINEA_DB: join(dir, 'alinea.db'), ALINEA_DEMO: '1', ALINEA_CLIENT_DIR: join(dir, 'none') }
    const first = await spawnServer(env)
    const bill = (await (await fetch(`${first.url}/api/v1/bills`)).json()).items[0]
    const articles = (await (await fetch(`${first.url}/api/v1/bills/${bill.id}`)).json()).articles
    const voters: ApiClient[] = []
    for (let i = 0; i < 20; i++) {
      const c = new ApiClient(first.url)
      const r = await c.post('/auth/register', { email: `v${i}@example.org`, password: 'durable password', displayName: `V${i}` })
      assert.equal(r.status, 201)
      voters.push(c)
    }
    // Votes stream in; the process is killed while some are in flight.
    const acknowledged: { voter: number; article: string; value: string }[] = []
    const values = ['for', 'mixed', 'against']
    let killed = false
    const pending = voters.map(async (c, i) => {
      for (let k = 0; !killed; k++) {
        const article = articles[k % articles.length].id
        const value = values[(i + k) % 3]
        try {
          const r = await c.put(`/articles/${article}/vote`, { value })
          if (r.status === 200) acknowledged.push({ voter: i, article, value })
        } catch { return }
      }
    })
    while (acknowledged.length < 150) await new Promise(resolve => setTimeout(resolve, 5))
    killed = true
    first.child.kill('SIGKILL')
    await exited(first.child)
    await Promise.all(pending)

    const second = await spawnServer(env)
    try {
      // The last acknowledged vote of each voter on each article is what must be there.
      const expected = new Map<string, string>()
      for (const a of acknowledged) expected.set(`${a.voter}:${a.article}`, a.value)
      for (let i = 0; i < voters.length; i++) {
        const c = new ApiClient(second.url)
        c.cookie = voters[i].cookie
        for (const art of articles) {
          const want = expected.get(`${i}:${art.id}`)
          if (!want) continue
          const got = (await c.get(`/articles/${art.id}`)).body.myVote
          // A vote sent after the last acknowledged one may also have landed before the kill.
          assert.ok(got !== null, `voter ${i} lost the vote on ${art.num}`)
          if (got !== want) {
            const later = values[(values.indexOf(want) + 1) % 3]
            assert.equal(got, later, `voter ${i} on ${art.num}: ${got} is neither the acknowledged vote nor the one in flight`)
          }
        }
      }
      const bills = await (await fetch(`${second.url}/api/v1/bills`)).json()
      assert.equal(bills.items.length, 1, 'the demo is seeded only once')
    } finally {
      second.child.kill('SIGTERM')
      assert.equal(await exited(second.child), 0, 'SIGTERM exits cleanly')
    }
  })
})
