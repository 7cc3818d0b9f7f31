/**
 * A cluster on this machine for the tests: redis-server, N Alinea processes
 * (server/main.ts, as `npm start` runs it) started together on one SQLite
 * file, and nginx in front. The test process opens the same file to make
 * users and sessions directly (no sign-in requests: those are limited per
 * address, and every request of the tests comes from 127.0.0.1).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { spawnServer, exited, type ServerProcess } from '../helpers/process.ts'
import { ApiClient } from '../helpers/server.ts'
import { loadConfig } from '../../server/config.ts'
import { openSqliteStore } from '../../server/store/sqlite/index.ts'
import { EventBus } from '../../server/domain/events.ts'
import { openSession, register } from '../../server/domain/accounts.ts'
import type { Ctx } from '../../server/domain/context.ts'
import type { Role } from '../../shared/types.ts'
import { startRedis, type RedisServer } from './redis.ts'
import { startNginx, type Nginx } from './nginx.ts'

/** How long a node may take to start (tsx compiles the server; the machine may be busy). */
const START_TIMEOUT = 90_000

/** A running cluster. */
export interface TestCluster {
  dir: string
  redis: RedisServer
  nodes: ServerProcess[]
  nginx: Nginx
  /** The address of nginx (the cluster's one address). */
  url: string
  /** The test's own connection to the nodes' SQLite file. */
  ctx: Ctx
  /** A user with this role and a signed-in client at `base` (nginx by default). */
  as (role: Role, base?: string): Promise<ApiClient & { userId: string }>
  stop (): Promise<void>
}

/** Starts redis-server, `count` nodes at once on one fresh SQLite file, and nginx. */
export async function startCluster (count: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'alinea-cluster-'))
  const dbFile = join(dir, 'data', 'alinea.db')
  const redis = await startRedis(dir)
  const nodes: ServerProcess[] = []
  let nginx: Nginx | null = null
  try {
    // Started together: migrations and the secret file are made once whoever comes first.
    const started = await Promise.allSettled(Array.from({ length: count }, () => spawnServer({
      ALINEA_DB: dbFile, ALINEA_REDIS_URL: redis.url, ALINEA_DEMO: '0', ALINEA_TRUST_PROXY: '1', LOG_LEVEL: 'warn', ...env
    }, undefined, START_TIMEOUT)))
    for (const s of started) if (s.status === 'fulfilled') nodes.push(s.value)
    const failed = started.find(s => s.status === 'rejected')
    if (failed) throw (failed as PromiseRejectedResult).reason
    nginx = await startNginx(dir, nodes.map(n => n.port))
  } catch (err) {
    for (const n of nodes) n.child.kill('SIGKILL')
    await nginx?.stop()
    await redis.stop()
    rmSync(dir, { recursive: true, force: true })
    throw err
  }
  const config = loadConfig({}, { dbFile, demo: false, logLevel: 'silent' })
  const store = openSqliteStore(dbFile)
  const ctx: Ctx = { store, config, events: new EventBus(), log: pino({ level: 'silent' }), now: () => new Date() }
  let n = 0
  const url = nginx.url
  const proxy = nginx
  return {
    dir,
    redis,
    nodes,
    nginx,
    url,
    ctx,
    async as (role, base = url) {
      const user = await register(ctx, { email: `${role}${n++}@example.org`, password: 'correct horse battery', displayName: `${role} ${n}` }, role)
      const c = new ApiClient(base)
      c.cookie = `alinea_session=${await openSession(ctx, user)}`
      return Object.assign(c, { userId: user.id })
    },
    async stop () {
      await proxy.stop()
      await Promise.all(nodes.map(async node => {
        if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGTERM')
        await exited(node.child)
      }))
      await redis.stop()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** The client of one node (not through nginx), with the same session as `c`. */
export function onNode (c: ApiClient, node: ServerProcess): ApiClient {
  const other = new ApiClient(node.url)
  other.cookie = c.cookie
  return other
}
