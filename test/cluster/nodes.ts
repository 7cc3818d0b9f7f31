/**
 * Nodes of a cluster inside the test process: real apps (createApp) on one
 * SQLite file, each with its own store connection and its own Redis
 * connections (joinCluster), so a test can look into every node's
 * collaboration documents and change their settings.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { loadConfig, type Config } from '../../server/config.ts'
import { createApp, type App } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/index.ts'
import { joinCluster } from '../../server/cluster/index.ts'
import { collabOf, type Collab } from '../../server/collab/index.ts'
import { openSession, register } from '../../server/domain/accounts.ts'
import { ApiClient } from '../helpers/server.ts'
import type { Role } from '../../shared/types.ts'
import { startRedis, type RedisServer } from './redis.ts'

/** One node. */
export interface InProcessNode { app: App; url: string; collab: Collab; stop (): Promise<void> }

/** Redis and the shared data folder of in-process nodes. */
export interface InProcessCluster {
  redis: RedisServer
  dbFile: string
  nodes: InProcessNode[]
  /** Starts one more node on the same file and Redis. */
  addNode (): Promise<InProcessNode>
  /** A user with this role, signed in, as a client of `node`. */
  as (role: Role, node: InProcessNode): Promise<ApiClient & { userId: string }>
  stop (): Promise<void>
}

/** Starts redis-server and `count` nodes. */
export async function startInProcessCluster (count: number, overrides: Partial<Config> = {}): Promise<InProcessCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'alinea-nodes-'))
  const dbFile = join(dir, 'alinea.db')
  const redis = await startRedis(dir)
  const nodes: InProcessNode[] = []
  let n = 0
  const addNode = async (): Promise<InProcessNode> => {
    const config = loadConfig({}, {
      dbFile, ipLimits: false, contributionsPerMinute: 0, amendmentsPerArticlePerHour: 0, logLevel: 'silent', demo: false,
      clientDir: join(dir, 'no-client'), redisUrl: redis.url, ...overrides
    })
    const log = pino({ level: 'silent' })
    const cluster = await joinCluster(redis.url, log)
    const app = createApp(config, openSqliteStore(dbFile), { log, cluster })
    const port = await app.listen(0, '127.0.0.1')
    const node: InProcessNode = { app, url: `http://127.0.0.1:${port}`, collab: collabOf(app.server)!, stop: () => app.close() }
    nodes.push(node)
    return node
  }
  for (let i = 0; i < count; i++) await addNode()
  return {
    redis,
    dbFile,
    nodes,
    addNode,
    async as (role, node) {
      const ctx = nodes[0].app.ctx
      const user = await register(ctx, { email: `${role}${n++}@example.org`, password: 'correct horse battery', displayName: `${role} ${n}` }, role)
      const c = new ApiClient(node.url)
      c.cookie = `alinea_session=${await openSession(ctx, user)}`
      return Object.assign(c, { userId: user.id })
    },
    async stop () {
      for (const node of nodes) await node.stop()
      await redis.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
