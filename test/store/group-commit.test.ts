/**
 * Group commit (server/store/sqlite/group-commit.ts): writes asked for in one
 * turn share one commit, in order; one that throws is undone alone; each
 * caller is answered only once its write is committed (seen from a second
 * connection to the same file, as another process would see it).
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { groupCommit } from '../../server/store/sqlite/group-commit.ts'

describe('SQLite group commit', () => {
  let dir: string
  let db: Database.Database
  let other: Database.Database

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alinea-group-'))
    db = new Database(join(dir, 'g.db'))
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n >= 0))')
    other = new Database(join(dir, 'g.db'), { readonly: true })
  })
  afterEach(() => {
    other.close()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const count = (conn: Database.Database, k: string) => (conn.prepare('SELECT n FROM t WHERE k = ?').get(k) as { n: number } | undefined)?.n

  it('commits the writes of one turn together, in order, before answering any', async () => {
    const grouped = groupCommit(db)
    const add = grouped(db.transaction((k: string, d: number) => {
      db.prepare('INSERT INTO t (k, n) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET n = n + excluded.n').run(k, d)
      return count(db, k)
    }))
    const seen: (number | undefined)[] = []
    const writes = [add('a', 1), add('a', 2), add('a', 3)].map(p => p.then(n => { seen.push(count(other, 'a')); return n }))
    assert.equal(count(other, 'a'), undefined, 'nothing is written before the turn ends')
    assert.deepEqual(await Promise.all(writes), [1, 3, 6], 'each write sees the ones asked before it')
    assert.deepEqual(seen, [6, 6, 6], 'every caller is answered after the one commit')
  })

  it('undoes a write that throws alone, and gives its caller the error', async () => {
    const grouped = groupCommit(db)
    const set = grouped(db.transaction((k: string, n: number) => {
      db.prepare('INSERT INTO t (k, n) VALUES (?, 1)').run(k + '-before')
      db.prepare('INSERT INTO t (k, n) VALUES (?, ?)').run(k, n)
    }))
    const results = await Promise.allSettled([set('x', 1), set('y', -1), set('z', 2)])
    assert.deepEqual(results.map(r => r.status), ['fulfilled', 'rejected', 'fulfilled'])
    assert.match(String((results[1] as PromiseRejectedResult).reason), /CHECK constraint/)
    assert.equal(count(other, 'x'), 1)
    assert.equal(count(other, 'y-before'), undefined, 'the failed write left nothing, not even its first statement')
    assert.equal(count(other, 'z'), 2)
  })

  it('starts a new group for writes asked after a group was committed', async () => {
    const grouped = groupCommit(db)
    const add = grouped(db.transaction((k: string) => {
      db.prepare('INSERT INTO t (k, n) VALUES (?, 1) ON CONFLICT(k) DO UPDATE SET n = n + 1').run(k)
      return count(db, k)
    }))
    assert.equal(await add('a'), 1)
    assert.equal(await add('a'), 2)
    assert.equal(count(other, 'a'), 2)
  })
})
