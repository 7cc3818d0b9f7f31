/**
 * The CPU cost of a vote's own work, without HTTP: `voteOnArticle` (article
 * and bill read, requirement check, the vote's transaction, the tally event)
 * called in a loop over one article by 400 users, every call changing a vote,
 * CPU µs per call (process.cpuUsage, the checkpointer thread included).
 * Unlike the HTTP benchmark (votes.ts) it needs no second process, so on a
 * loaded machine its minimum over a few batches moves far less; use it to
 * compare two builds of the same code:
 *
 *   npx tsx scripts/bench/vote-cost.ts [--from /other/checkout/dist/server] [--batches 5 --calls 10000]
 *
 * `--from` defaults to this checkout's dist/server (`npm run build` first).
 */
import { parseArgs } from 'node:util'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pino from 'pino'
import type { UserRecord } from '../../server/store/store.ts'
import type { VoteValue } from '../../shared/types.ts'

const { values } = parseArgs({ options: {
  from: { type: 'string', default: fileURLToPath(new URL('../../dist/server', import.meta.url)) },
  batches: { type: 'string', default: '5' },
  calls: { type: 'string', default: '10000' }
} })
const load = <T> (path: string): Promise<T> => import(pathToFileURL(join(resolve(values.from), `${path}.js`)).href) as Promise<T>
const { loadConfig } = await load<typeof import('../../server/config.ts')>('config')
const { createApp } = await load<typeof import('../../server/app.ts')>('app')
const { openSqliteStore } = await load<typeof import('../../server/store/sqlite/index.ts')>('store/sqlite/index')
const { register } = await load<typeof import('../../server/domain/accounts.ts')>('domain/accounts')
const { createBill, publishBill } = await load<typeof import('../../server/domain/bills.ts')>('domain/bills')
const { voteOnArticle } = await load<typeof import('../../server/domain/votes.ts')>('domain/votes')

const dir = mkdtempSync(join(tmpdir(), 'alinea-vote-cost-'))
const config = loadConfig({}, { dbFile: join(dir, 'alinea.db'), ipLimits: false, demo: false, logLevel: 'warn', clientDir: join(dir, 'none') })
const app = createApp(config, openSqliteStore(config.dbFile), { log: pino({ level: 'warn' }) })
const { ctx } = app
const author = await register(ctx, { email: 'author@example.org', password: 'correct horse battery', displayName: 'Author' }, 'author')
const bill = await createBill(ctx, author, { title: 'Bench', articles: [{ num: '1er', alineas: ['Alinéa unique.'] }] })
await publishBill(ctx, author, bill.id, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })
const article = (await ctx.store.listArticles(bill.id))[0].id
const users: UserRecord[] = []
for (let i = 0; i < 400; i++) {
  const u: UserRecord = { id: `usr_cost${i}`, email: `cost${i}@example.org`, displayName: `C${i}`, role: 'citizen', profileType: 'citizen', passwordHash: 'x', createdAt: new Date().toISOString(), emailVerified: true }
  await ctx.store.createUser(u)
  users.push(u)
}
const VALUES: VoteValue[] = ['for', 'mixed', 'against']
const calls = Number(values.calls)
const perCall: number[] = []
for (let b = 0; b < Number(values.batches); b++) {
  const start = process.cpuUsage()
  // Each pass over the users moves everyone to the next value: every call writes.
  for (let i = 0; i < calls; i++) await voteOnArticle(ctx, users[i % users.length], article, VALUES[(i + Math.floor(i / users.length)) % 3])
  const used = process.cpuUsage(start)
  perCall.push((used.user + used.system) / calls)
}
console.log(`CPU µs per vote, by batch: ${perCall.map(x => x.toFixed(1)).join(', ')}; min ${Math.min(...perCall).toFixed(1)} (${values.from})`)
await app.close()
rmSync(dir, { recursive: true, force: true })
