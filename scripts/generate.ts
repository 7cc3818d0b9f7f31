/**
 * Fills a store with a synthetic consultation (scripts/generate/):
 *
 *   npm run generate -- [--scale republique-numerique|grand-debat|small] [--db ./data/gen.db] [--seed 2015]
 *                       [--participants N] [--votes N] [--arguments N] [--amendments N] [--articles N]
 *
 * The default scale is France's 2015 "République numérique" consultation.
 * Writes to the SQLite file given by --db (else ALINEA_DB), or to MongoDB
 * when MONGODB_URL is set. A progress bar goes to stderr; the bill id and
 * the figures, as JSON, to stdout.
 */
import { parseArgs } from 'node:util'
import { loadConfig } from '../server/config.ts'
import { openStore } from '../server/store/open.ts'
import { openSqliteStore } from '../server/store/sqlite/index.ts'
import { generateConsultation } from './generate/consultation.ts'
import { SCALES, type Scale, type ScaleName } from './generate/scales.ts'

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'republique-numerique' },
    db: { type: 'string' },
    seed: { type: 'string', default: '2015' },
    participants: { type: 'string' },
    votes: { type: 'string' },
    arguments: { type: 'string' },
    amendments: { type: 'string' },
    articles: { type: 'string' }
  }
})

if (!(values.scale! in SCALES)) {
  console.error(`unknown scale "${values.scale}": one of ${Object.keys(SCALES).join(', ')}`)
  process.exit(2)
}
const scale: Scale = { ...SCALES[values.scale as ScaleName] }
for (const key of ['participants', 'votes', 'arguments', 'amendments', 'articles'] as const) {
  const v = values[key]
  if (v !== undefined) scale[key] = Number(v.replace(/_/g, ''))
}

const config = loadConfig(process.env, values.db ? { dbFile: values.db } : {})
// SQLite gets a connection tuned for bulk loading; MongoDB (MONGODB_URL) is opened as the server opens it.
const store = config.mongoUrl ? await openStore(config) : openSqliteStore(config.dbFile, { bulkLoad: true })
const started = Date.now()
const tty = process.stderr.isTTY
let lastLine = ''
const bar = (phase: string, done: number, total: number): void => {
  const width = 30
  const ratio = total > 0 ? done / total : 1
  const filled = Math.round(ratio * width)
  const line = `${phase.padEnd(12)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(100 * ratio).toFixed(0).padStart(3)}% ${done.toLocaleString('fr-FR')}/${total.toLocaleString('fr-FR')} ${((Date.now() - started) / 1000).toFixed(1)} s`
  if (tty) process.stderr.write(`\r${line}`)
  else {
    const step = `${phase} ${Math.floor(ratio * 10)}`
    if (step !== lastLine) process.stderr.write(`${line}\n`)
    lastLine = step
  }
  if (tty && done >= total) process.stderr.write('\n')
}
try {
  const result = await generateConsultation(store, { scale, seed: Number(values.seed), progress: bar })
  console.log(JSON.stringify({ ...result, store: store.kind, db: config.mongoUrl ? undefined : config.dbFile, seconds: (Date.now() - started) / 1000 }))
} finally {
  await store.close()
}
