/** Chooses the store from the configuration: MongoDB when MONGODB_URL is set, else the SQLite file. */
import type { Config } from '../config.ts'
import type { Store } from './store.ts'
import { openSqliteStore } from './sqlite/index.ts'

/** Opens the configured store. */
export async function openStore (config: Config): Promise<Store> {
  if (config.mongoUrl) {
    const { openMongoStore } = await import('./mongo/index.ts')
    return openMongoStore(config.mongoUrl)
  }
  return openSqliteStore(config.dbFile, { reads: { threads: config.readThreads || undefined, queue: config.readQueue } })
}
