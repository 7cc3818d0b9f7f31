/**
 * Debian's redis-server for the cluster tests: on a free port of the
 * loopback, no persistence, its own folder; stopped and started again on
 * the same port (the readiness test takes Redis away and brings it back).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { exited } from '../helpers/process.ts'

/** A free TCP port of 127.0.0.1 (asked of the kernel, then released). */
export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port
      srv.close(() => resolve(port))
    })
  })
}

/** Resolves once `check` resolves true (polled every 20 ms); rejects with `what` after `timeout` ms. */
export async function until (check: () => Promise<boolean> | boolean, what: string, timeout = 15_000): Promise<void> {
  const start = Date.now()
  for (;;) {
    if (await check()) return
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** Whether a Redis at `port` answers PING. */
export function pings (port: number): Promise<boolean> {
  return new Promise(resolve => {
    const s = net.connect(port, '127.0.0.1')
    let data = ''
    const done = (ok: boolean) => { s.destroy(); resolve(ok) }
    s.setTimeout(1000, () => done(false))
    s.on('error', () => done(false))
    s.on('connect', () => s.write('PING\r\n'))
    s.on('data', d => { data += d; if (data.includes('\r\n')) done(data.startsWith('+PONG')) })
  })
}

/** A redis-server process. */
export interface RedisServer {
  port: number
  url: string
  /** Stops it (SIGTERM) and waits for the exit. */
  stop (): Promise<void>
  /** Starts it again on the same port. */
  start (): Promise<void>
}

/** Starts redis-server in `dir` on a free port; resolves once it answers. */
export async function startRedis (dir: string): Promise<RedisServer> {
  let child: ChildProcess | null = null
  let out = ''
  const port = await freePort()
  const start = async (): Promise<void> => {
    child = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'
    ], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.on('data', d => { out += d })
    child.stderr!.on('data', d => { out += d })
    const c = child
    await until(async () => {
      if (c.exitCode !== null) throw new Error(`redis-server exited:\n${out}`)
      return await pings(port)
    }, 'redis-server to answer')
  }
  await start()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop () {
      if (!child) return
      const c = child
      child = null
      c.kill('SIGTERM')
      await exited(c)
    },
    start
  }
}
