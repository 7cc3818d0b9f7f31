/** Runs the real server process (server/main.ts) as a child, as `npm start` would. */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url))

export interface ServerProcess { child: ChildProcess; port: number; url: string; output: () => string }

/**
 * Starts server/main.ts with these environment variables; resolves once it listens (rejects after `timeout` ms).
 * `built` runs a compiled entry instead (e.g. dist/server/main.js) with plain node, from `cwd`.
 */
export function spawnServer (env: Record<string, string>, built?: { main: string; cwd?: string }, timeout = 30_000): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(built?.main ?? MAIN, [], {
      execArgv: built ? [] : ['--import', 'tsx'],
      cwd: built?.cwd,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ALINEA_IP_LIMITS: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc']
    })
    let out = ''
    child.stdout!.on('data', d => { out += d })
    child.stderr!.on('data', d => { out += d })
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start:\n${out}`)) }, timeout)
    child.on('message', (m: any) => {
      if (m?.ready) {
        clearTimeout(timer)
        resolve({ child, port: m.port, url: `http://127.0.0.1:${m.port}`, output: () => out })
      }
    })
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${out}`)) })
  })
}

/** Resolves when the child has exited, with its exit code or signal. */
export function exited (child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode)
  return new Promise(resolve => child.once('exit', (code, signal) => resolve(code ?? signal)))
}
