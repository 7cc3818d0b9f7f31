/**
 * Online backup of the SQLite file: better-sqlite3's `backup()` (SQLite's
 * online backup API) copies a consistent snapshot page by page while the
 * server keeps reading and writing, which copying the file (and its WAL)
 * by hand does not guarantee.
 */
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

/** Copies the database at `file` into `dest` (written beside, then renamed); resolves with the pages copied. */
export async function backupSqlite (file: string, dest: string): Promise<number> {
  if (!existsSync(file)) throw new Error(`no database at ${file}`)
  mkdirSync(dirname(dest), { recursive: true })
  const db = new Database(file, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  const partial = `${dest}.partial`
  try {
    rmSync(partial, { force: true })
    const { totalPages } = await db.backup(partial)
    renameSync(partial, dest)
    return totalPages
  } finally {
    db.close()
    rmSync(partial, { force: true })
  }
}
