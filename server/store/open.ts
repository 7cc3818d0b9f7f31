/** Chooses the store from the configuration: MongoDB when MONGODB_URL is set, else the SQLite file. */
import type { Config } from '../config.ts'
import type { Store } from './store.ts'
import { openSqliteStore } from './sqlite/index.ts'

/** Opens the configured store. */
export async function openStore (config: Config): Promise<Store> {
  if (config.mongoUrl) {
    // `mongodb` is an optional dependency: only a deployment on MongoDB loads (or needs) it.
    const mongo = await import('./mongo/index.ts').catch((err: unknown) => {
      const code = (err as { code?: string }).code
      if (code === 'ERR_MODULE_NOT_FOUND' && String(err).includes("'mongodb'")) {
        throw new Error('MONGODB_URL is set but the optional package "mongodb" is not installed: run `npm install mongodb`')
      }
      throw err
    })
    return mongo.openMongoStore(config.mongoUrl)
  }
  return openSqliteStore(config.dbFile, { reads: { threads: config.readThreads || undefined, queue: config.readQueue } })
}
