/**
 * The SQLite migration of issue 16 on a database that already has votes:
 * each vote counts as cast on the revision that was current when it was
 * last cast (the latest published at or before it), and the per-revision
 * counters of articles are filled from the votes.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from '../../server/store/sqlite/migrations.ts'
import { openSqliteStore } from '../../server/store/sqlite/index.ts'

describe('Store: SQLite migration of votes to revisions', () => {
  let dir: string
  before(() => { dir = mkdtempSync(join(tmpdir(), 'alinea-rev-')) })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('backfills the revision of existing votes from their time and the revisions\' publication times', async () => {
    const file = join(dir, 'old.db')
    const ours = MIGRATIONS.findIndex(m => m.includes('-- rev:'))
    assert.ok(ours > 0)
    const old = new Database(file)
    for (const m of MIGRATIONS.slice(0, ours)) old.exec(m)
    old.pragma(`user_version = ${ours}`)
    // Only what the migration reads: revisions and votes (their bills and users are not needed).
    old.pragma('foreign_keys = OFF')
    const revision = old.prepare('INSERT INTO revisions (bill_id, number, doc, articles, published_at, published_by) VALUES (?, ?, \'{}\', \'[]\', ?, \'u\')')
    revision.run('b1', 1, '2026-01-01T00:00:00.000Z')
    revision.run('b1', 2, '2026-02-01T00:00:00.000Z')
    revision.run('b2', 1, '2026-01-01T00:00:00.000Z')
    const vote = old.prepare('INSERT INTO votes (user_id, target_type, target_id, bill_id, value, at) VALUES (?, ?, ?, ?, ?, ?)')
    vote.run('ann', 'article', 'a1', 'b1', 'for', '2026-01-15T00:00:00.000Z')
    vote.run('bob', 'article', 'a1', 'b1', 'against', '2026-02-15T00:00:00.000Z')
    vote.run('cat', 'article', 'a1', 'b1', 'for', '2026-03-01T00:00:00.000Z')
    vote.run('ann', 'article', 'a2', 'b2', 'mixed', '2026-03-01T00:00:00.000Z')
    vote.run('ann', 'amendment', 'm1', 'b1', 'for', '2026-02-15T00:00:00.000Z')
    old.close()

    const store = openSqliteStore(file)
    try {
      assert.deepEqual(await store.getUserVoteRevisions('ann', ['a1', 'a2']), new Map([['a1', 1], ['a2', 1]]))
      assert.deepEqual(await store.getUserVoteRevisions('bob', ['a1']), new Map([['a1', 2]]))
      assert.deepEqual(await store.getRevisionTallies(['a1', 'a2', 'none']), new Map([
        ['a1', [{ revision: 1, tally: { for: 1, mixed: 0, against: 0 } }, { revision: 2, tally: { for: 1, mixed: 0, against: 1 } }]],
        ['a2', [{ revision: 1, tally: { for: 0, mixed: 1, against: 0 } }]],
        ['none', []]
      ]))
    } finally {
      await store.close()
    }
  })
})
