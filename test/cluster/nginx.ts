/**
 * Debian's nginx as the cluster's load balancer, run by the test as an
 * ordinary process (`daemon off;`), with its configuration, pid, logs and
 * temporary files in a temporary folder. The configuration is the one
 * docs/DEPLOY.md shows: round robin without stickiness, WebSocket upgrade
 * headers for /socket.io/ and /collab/, and a failed node skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { exited } from '../helpers/process.ts'
import { freePort, until } from './redis.ts'

/** The nginx configuration for upstream ports `nodes`, listening on `port`, with its files in `dir`. */
export function nginxConfig (dir: string, port: number, nodes: readonly number[]): string {
  const temp = (name: string) => join(dir, 'temp', name)
  // Started as root (CI), nginx would run its workers as nobody, who cannot read a private temp folder.
  const user = process.getuid?.() === 0 ? 'user root;\n' : ''
  return `${user}daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};

  map $http_upgrade $connection_upgrade { default upgrade; '' ''; }

  upstream alinea {
    # Round robin, no stickiness: live events and collaboration relay through Redis.
${nodes.map(p => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 32;
  }

  server {
    listen 127.0.0.1:${port};
    client_max_body_size 2m;
    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    # A node that refuses the connection (stopped, killed) is skipped for the next one.
    proxy_next_upstream error timeout http_502 http_503;
    proxy_connect_timeout 2s;

    location /socket.io/ {
      proxy_pass http://alinea;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 1h;
    }
    location /collab/ {
      proxy_pass http://alinea;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 1h;
    }
    location / {
      proxy_pass http://alinea;
      proxy_set_header Connection "";
    }
  }
}
`
}

/** A running nginx. */
export interface Nginx { port: number; url: string; stop (): Promise<void> }

/** Starts nginx in front of the nodes at `nodes` (ports); resolves once it answers. */
export async function startNginx (dir: string, nodes: readonly number[]): Promise<Nginx> {
  mkdirSync(join(dir, 'temp'), { recursive: true })
  const port = await freePort()
  const conf = join(dir, 'nginx.conf')
  writeFileSync(conf, nginxConfig(dir, port, nodes))
  let out = ''
  const child: ChildProcess = spawn('nginx', ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', d => { out += d })
  child.stderr!.on('data', d => { out += d })
  const url = `http://127.0.0.1:${port}`
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${out}`)
    return (await fetch(`${url}/healthz`).catch(() => null))?.status === 200
  }, 'nginx to answer')
  return {
    port,
    url,
    async stop () {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGQUIT')
      await exited(child)
    }
  }
}
