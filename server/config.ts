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
  /**
   * How many proxy hops in front of the server to trust for X-Forwarded-For
   * (0: none, the socket's address is the client's). With 2 (a CDN, then a
   * load balancer) the client is the third address from the right.
   */
  trustProxy: number
  /** Worker threads reading long aggregates (the synthesis' participation figures) in SQLite; 0: half the cores, 1 to 4. */
  readThreads: number
  /** Long reads waiting for a read thread before new ones get 503 with Retry-After. */
  readQueue: number
  /** How long a bill's synthesis is reused, in ms, unless a write to the bill comes first; 0 turns the cache off. */
  synthesisCacheMs: number
  /** Synthesis and export requests per address and minute (with the other per-address limits). */
  expensiveReadsPerMinute: number
  /** Failed sign-ins on one account before each further attempt waits (1 s, doubling, up to 15 min); 0 turns it off. */
  loginFailuresBeforeBackoff: number
  /** The Chromium executable that prints PDF reports (Debian's package by default); PDF exports answer 503 without it. */
  chromium: string
  /** Open sockets of one user, per endpoint (socket.io, /collab) and process; 0 turns the cap off. */
  maxSocketsPerUser: number
  /** Open sockets of visitors (signed out) from one address, per endpoint and process; 0 turns the cap off. */
  maxSocketsPerAddress: number
  /** SMTP server of outgoing mail (`smtp://user:pass@host:port` or `smtps://`); null writes mails to the log instead. */
  smtpUrl: string | null
  /** The From of outgoing mail. */
  mailFrom: string
  /** The address of this Alinea as its users reach it, used in the links of mails. */
  publicUrl: string
  /** Hours between two daily digests of notifications (24; tests call the digest directly). */
  digestHours: number
  /** OpenID Connect sign-in: the provider's issuer URL, this client's id and secret, the button's words; null issuer: off. */
  oidcIssuer: string | null
  oidcClientId: string | null
  oidcClientSecret: string | null
  oidcLabel: string
  /** How long a session or token lookup is reused (ms); 0 looks every request up in the store. Logout and role changes invalidate at once. */
  authCacheMs: number
  /** Graceful shutdown: how long requests in flight and sockets may take to finish before they are cut (ms). */
  shutdownMs: number
  /** Redis connecting several nodes (live events, collaboration relay, shared limits); null runs one node alone. */
  redisUrl: string | null
  /** Live tallies: at most one broadcast per target in this many ms, with the latest counts (0: one per vote). */
  tallyIntervalMs: number
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

/** ALINEA_TRUST_PROXY: a hop count; the older yes/no form means one hop or none. */
function hops (v: string | undefined): number {
  if (v !== undefined && /^(true|yes|on)$/i.test(v)) return 1
  if (v !== undefined && /^(false|no|off)$/i.test(v)) return 0
  return int(v, 0, 'ALINEA_TRUST_PROXY')
}

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
    trustProxy: hops(env.ALINEA_TRUST_PROXY),
    readThreads: int(env.ALINEA_READ_THREADS, 0, 'ALINEA_READ_THREADS'),
    readQueue: int(env.ALINEA_READ_QUEUE, 16, 'ALINEA_READ_QUEUE'),
    synthesisCacheMs: int(env.ALINEA_SYNTHESIS_CACHE_MS, 10_000, 'ALINEA_SYNTHESIS_CACHE_MS'),
    expensiveReadsPerMinute: int(env.ALINEA_EXPENSIVE_READS_PER_MINUTE, 30, 'ALINEA_EXPENSIVE_READS_PER_MINUTE'),
    loginFailuresBeforeBackoff: int(env.ALINEA_LOGIN_FAILURES, 10, 'ALINEA_LOGIN_FAILURES'),
    chromium: env.ALINEA_CHROMIUM || '/usr/bin/chromium',
    maxSocketsPerUser: int(env.ALINEA_MAX_SOCKETS_PER_USER, 32, 'ALINEA_MAX_SOCKETS_PER_USER'),
    maxSocketsPerAddress: int(env.ALINEA_MAX_SOCKETS_PER_ADDRESS, 256, 'ALINEA_MAX_SOCKETS_PER_ADDRESS'),
    smtpUrl: env.ALINEA_SMTP_URL || null,
    mailFrom: env.ALINEA_MAIL_FROM || 'Alinea <alinea@localhost>',
    publicUrl: (env.ALINEA_PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    digestHours: int(env.ALINEA_DIGEST_HOURS, 24, 'ALINEA_DIGEST_HOURS'),
    oidcIssuer: env.ALINEA_OIDC_ISSUER || null,
    oidcClientId: env.ALINEA_OIDC_CLIENT_ID || null,
    oidcClientSecret: env.ALINEA_OIDC_CLIENT_SECRET || null,
    oidcLabel: env.ALINEA_OIDC_LABEL || 'OpenID Connect',
    authCacheMs: int(env.ALINEA_AUTH_CACHE_MS, 5_000, 'ALINEA_AUTH_CACHE_MS'),
    shutdownMs: int(env.ALINEA_SHUTDOWN_MS, 10_000, 'ALINEA_SHUTDOWN_MS'),
    redisUrl: env.ALINEA_REDIS_URL || null,
    tallyIntervalMs: int(env.ALINEA_TALLY_INTERVAL_MS, 50, 'ALINEA_TALLY_INTERVAL_MS'),
    ...overrides
  }
  if (!config.secret) config.secret = env.ALINEA_SECRET || (dbFile === ':memory:' ? randomBytes(32).toString('hex') : dataSecret(dbFile))
  return config
}
