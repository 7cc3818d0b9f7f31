/**
 * Every setting of the server, read once from the environment (and from a
 * `.env` file in the working directory, if present), with its default and why.
 */
import { existsSync, readFileSync, mkdirSync, writeFileSync, linkSync, unlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

export interface Config {
  /** Where the server listens; 0 picks a free port (tests). */
  port: number
  host: string
  /** The SQLite file of the embedded store. */
  dbFile: string
  /** When set, MongoDB is the store instead of SQLite. */
  mongoUrl: string | null
  /** An admin account to create at start if no user has this email. */
  adminEmail: string | null
  adminPassword: string | null
  /** Fill an empty store with the demo bill and demo accounts. */
  demo: boolean
  /** Per-address request limits (off for load tests from one address). */
  ipLimits: boolean
  /** Contributions per user, per kind (argument, amendment, report), per minute; 0 turns the limit off. */
  contributionsPerMinute: number
  /** Amendments one user may propose to one article in any sliding hour (withdrawn ones count); 0 turns the limit off. */
  amendmentsPerArticlePerHour: number
  /** Distinct reports that hide a contribution pending review; 0 never hides automatically. */
  autohideReports: number
  /** Signs nothing secret-bearing by itself; sessions are random tokens, the secret salts derived ids. */
  secret: string
  /** Mark cookies `Secure` (set when served over HTTPS, e.g. behind a proxy). */
  secureCookies: boolean
  /** Session lifetime in days. */
  sessionDays: number
  /** Largest JSON body accepted, in bytes (413 above). */
  maxBodyBytes: number
  /** Folder of the built client (Vite output). */
  clientDir: string
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  logLevel: string
  /** Trust the X-Forwarded-* headers of one proxy hop. */
  trustProxy: boolean
  /** The Chromium executable that prints PDF reports (Debian's package by default); PDF exports answer 503 without it. */
  chromium: string
  /** Redis connecting several nodes (live events, collaboration relay, shared limits); null runs one node alone. */
  redisUrl: string | null
}

/** Parses `KEY=value` lines of a .env file into the environment, without overriding what is set. */
function loadDotEnv (file: string, env: NodeJS.ProcessEnv): void {
  if (!existsSync(file)) return
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line)
    if (m && env[m[1]] === undefined) env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
  }
}

function int (v: string | undefined, fallback: number, name: string): number {
  if (v === undefined || v === '') return fallback
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got "${v}"`)
  return n
}

const flag = (v: string | undefined, fallback: boolean): boolean =>
  v === undefined || v === '' ? fallback : !['0', 'false', 'no', 'off'].includes(v.toLowerCase())

/** The secret kept beside the data file, generated on first start. */
function dataSecret (dbFile: string): string {
  const file = join(dirname(dbFile), 'secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  // Nodes started together on one data folder must agree: the file appears whole (link of a
  // complete temporary file) and only once (link fails if another process made it first).
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(tmp, randomBytes(32).toString('hex'), { mode: 0o600 })
  try {
    linkSync(tmp, file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  } finally {
    unlinkSync(tmp)
  }
  return readFileSync(file, 'utf8').trim()
}

/** Reads the configuration; `env` defaults to the process environment. */
export function loadConfig (env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  if (env === process.env) loadDotEnv(join(process.cwd(), '.env'), env)
  const dbFile = overrides.dbFile ?? env.ALINEA_DB ?? './data/alinea.db'
  const config: Config = {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    dbFile,
    mongoUrl: env.MONGODB_URL || null,
    adminEmail: env.ALINEA_ADMIN_EMAIL || null,
    adminPassword: env.ALINEA_ADMIN_PASSWORD || null,
    demo: flag(env.ALINEA_DEMO, true),
    ipLimits: flag(env.ALINEA_IP_LIMITS, true),
    contributionsPerMinute: int(env.ALINEA_CONTRIBUTIONS_PER_MINUTE, 2, 'ALINEA_CONTRIBUTIONS_PER_MINUTE'),
    amendmentsPerArticlePerHour: int(env.ALINEA_AMENDMENTS_PER_ARTICLE_PER_HOUR, 3, 'ALINEA_AMENDMENTS_PER_ARTICLE_PER_HOUR'),
    autohideReports: int(env.ALINEA_AUTOHIDE_REPORTS, 3, 'ALINEA_AUTOHIDE_REPORTS'),
    secret: '',
    secureCookies: flag(env.ALINEA_SECURE_COOKIES, false),
    sessionDays: int(env.ALINEA_SESSION_DAYS, 30, 'ALINEA_SESSION_DAYS'),
    maxBodyBytes: int(env.ALINEA_MAX_BODY_BYTES, 1_000_000, 'ALINEA_MAX_BODY_BYTES'),
    clientDir: env.ALINEA_CLIENT_DIR || join(process.cwd(), 'dist', 'client'),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: flag(env.ALINEA_TRUST_PROXY, false),
    chromium: env.ALINEA_CHROMIUM || '/usr/bin/chromium',
    redisUrl: env.ALINEA_REDIS_URL || null,
    ...overrides
  }
  if (!config.secret) config.secret = env.ALINEA_SECRET || (dbFile === ':memory:' ? randomBytes(32).toString('hex') : dataSecret(dbFile))
  return config
}
