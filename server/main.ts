/**
 * The Alinea server process: reads the configuration, opens the store,
 * seeds the demo and the first admin when asked, listens, and shuts down
 * gracefully on SIGTERM/SIGINT within ALINEA_SHUTDOWN_MS (not ready any more,
 * sockets closed so clients reconnect elsewhere, requests in flight finish,
 * the store is flushed and closed, so no acknowledged write is lost).
 */
import pino from 'pino'
import { loadConfig } from './config.ts'
import { openStore } from './store/open.ts'
import { createApp } from './app.ts'
import { ensureAdmin } from './domain/accounts.ts'
import { DEMO_ACCOUNTS, seedDemo } from './demo/seed.ts'
import { joinCluster } from './cluster/index.ts'

const config = loadConfig()
const log = pino({ level: config.logLevel })
const store = await openStore(config)
const cluster = config.redisUrl ? await joinCluster(config.redisUrl, log) : undefined
const app = createApp(config, store, { log, processMetrics: true, cluster })

// The demo first: it seeds a store without bills, and the admin below is then added beside it.
if (config.demo && await seedDemo(app.ctx)) {
  log.warn('demo data created (set ALINEA_DEMO=0 to start empty); demo accounts:')
  for (const a of DEMO_ACCOUNTS) process.stdout.write(`  ${a.role.padEnd(10)} ${a.email.padEnd(28)} ${a.password}\n`)
}
if (config.adminEmail && config.adminPassword) {
  await ensureAdmin(app.ctx, config.adminEmail, config.adminPassword)
  log.info({ email: config.adminEmail }, 'admin account ready')
}

let port: number
try {
  port = await app.listen(config.port, config.host)
} catch (err) {
  const code = (err as { code?: string }).code
  log.fatal({ err }, code === 'EADDRINUSE'
    ? `port ${config.port} is already in use: stop the other process or set PORT (PORT=0 picks a free port)`
    : 'could not listen')
  await store.close()
  process.exit(1)
}
log.info({ port, store: store.kind }, `Alinea listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`)
process.stdout.write(`\nAlinea is running: http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/\n\n`)
if (process.send) process.send({ ready: true, port })

let stopping = false
async function shutdown (signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'shutting down')
  // app.close() cuts what is left at ALINEA_SHUTDOWN_MS; this is the last resort if closing itself hangs.
  const timer = setTimeout(() => { log.error('shutdown took too long'); process.exit(1) }, config.shutdownMs + 5_000)
  timer.unref()
  try {
    await app.close()
    process.exit(0)
  } catch (err) {
    log.error({ err }, 'shutdown failed')
    process.exit(1)
  }
}
process.on('SIGTERM', () => { void shutdown('SIGTERM') })
process.on('SIGINT', () => { void shutdown('SIGINT') })
