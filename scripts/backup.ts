/**
 * Backs up the configured store while the server runs.
 *   npm run backup -- [destination file]   (default: ./backups/alinea-<UTC timestamp>.db)
 * SQLite: a consistent copy through SQLite's online backup API, restored by
 * putting the copy in place of ALINEA_DB while the server is stopped.
 * MongoDB: use MongoDB's own tools (mongodump / mongorestore, or the
 * replica set's snapshots); see docs/DEPLOY.md.
 */
import { join } from 'node:path'
import { loadConfig } from '../server/config.ts'
import { backupSqlite } from '../server/store/sqlite/backup.ts'

const config = loadConfig()
if (config.mongoUrl) {
  console.error('MONGODB_URL is set: back MongoDB up with its own tools (mongodump --uri "$MONGODB_URL" --archive=... --oplog), see docs/DEPLOY.md')
  process.exit(2)
}
if (config.dbFile === ':memory:') {
  console.error('ALINEA_DB is :memory:, there is nothing to back up')
  process.exit(2)
}
const dest = process.argv[2] ?? join('backups', `alinea-${new Date().toISOString().replace(/[:.]/g, '-')}.db`)
const started = Date.now()
const pages = await backupSqlite(config.dbFile, dest)
console.log(`backup of ${config.dbFile} written to ${dest} (${pages} pages, ${Date.now() - started} ms)`)
