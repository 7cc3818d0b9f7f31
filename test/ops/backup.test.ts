/** `npm run backup`: a consistent copy of the SQLite store taken while the server runs and writes. */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { backupSqlite } from '../../server/store/sqlite/backup.ts'

describe('Operations: SQLite online backup', () => {
  const s = serverSuite()

  it('copies every acknowledged vote while votes keep coming, into a file that opens on its own', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const voters = await Promise.all(Array.from({ length: 5 }, (_, i) => s.as('citizen', `v${i}`)))
    for (const v of voters) assert.equal((await v.put(`/articles/${bill.articles[0].id}/vote`, { value: 'for' })).status, 200)
    const dest = join(s.dir, 'backups', 'copy.db')
    // A vote races with the backup: it is either in the copy or not, never half in it.
    const racing = voters[0].put(`/articles/${bill.articles[1].id}/vote`, { value: 'against' })
    const pages = await backupSqlite(join(s.dir, 'alinea.db'), dest)
    assert.equal((await racing).status, 200)
    assert.ok(pages > 0)
    assert.ok(!existsSync(`${dest}.partial`))
    const copy = new Database(dest, { readonly: true })
    try {
      assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok')
      const votes = copy.prepare("SELECT count(*) AS n FROM votes WHERE target_id = ?").get(bill.articles[0].id) as { n: number }
      assert.equal(votes.n, 5)
      const tally = copy.prepare("SELECT n_for FROM tallies WHERE target_id = ?").get(bill.articles[0].id) as { n_for: number }
      assert.equal(tally.n_for, 5, 'counters and votes are from the same moment')
    } finally {
      copy.close()
    }
  })

  it('refuses a missing database', async () => {
    await assert.rejects(backupSqlite(join(s.dir, 'nope.db'), join(s.dir, 'x.db')), /no database/)
  })
})
