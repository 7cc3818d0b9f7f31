/**
 * The top items of a V8 CPU profile (`node --cpu-prof`, e.g. `BENCH_PROF=1
 * npm run bench:votes`): self time by function and by package, so a
 * before/after comparison can be written down in docs/BENCHMARKS.md.
 *
 *   npx tsx scripts/bench/profile-top.ts /tmp/prof/<file>.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } })
const profile = JSON.parse(readFileSync(positionals[0], 'utf8')) as Profile
const byId = new Map(profile.nodes.map(n => [n.id, n]))
const self = new Map<number, number>()
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((a, b) => a + b, 0)

/** Where a frame comes from: a package of node_modules, our own file, or node itself. */
function origin (url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (m) return m[1]
  if (!url) return '(native / idle / gc)'
  if (url.startsWith('node:')) return 'node'
  const own = /\/(server|shared|scripts)\/(.*)$/.exec(url)
  return own ? `${own[1]}/${own[2]}` : url
}

const fns = new Map<string, number>()
const pkgs = new Map<string, number>()
for (const [id, t] of self) {
  const n = byId.get(id)!
  const where = origin(n.callFrame.url)
  const key = `${n.callFrame.functionName || '(anonymous)'} ${where}${n.callFrame.url ? ':' + (n.callFrame.lineNumber + 1) : ''}`
  fns.set(key, (fns.get(key) ?? 0) + t)
  const pkg = where.startsWith('server/') || where.startsWith('shared/') ? where.split('/').slice(0, 2).join('/') : where
  pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + t)
}
const top = Number(values.top)
const pct = (t: number) => `${(t / total * 100).toFixed(1)}%`
console.log(`total sampled: ${(total / 1e6).toFixed(1)} s`)
console.log('\nself time by function:')
for (const [k, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t).padStart(6)}  ${k}`)
console.log('\nself time by origin:')
for (const [k, t] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t).padStart(6)}  ${k}`)
