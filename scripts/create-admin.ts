/**
 * Creates (or promotes) an admin account in the configured store.
 *   npm run create-admin -- admin@example.org 'a long password' ["Display name"]
 * Reads ALINEA_DB / MONGODB_URL like the server does.
 */
import pino from 'pino'
import { loadConfig } from '../server/config.ts'
import { openStore } from '../server/store/open.ts'
import { EventBus } from '../server/domain/events.ts'
import { ensureAdmin } from '../server/domain/accounts.ts'
import { LIMITS } from '../shared/api.ts'

const [email, password, displayName] = process.argv.slice(2)
if (!email || !password) {
  console.error('usage: npm run create-admin -- <email> <password> [display name]')
  process.exit(2)
}
if (password.length < LIMITS.password.min) {
  console.error(`the password must have at least ${LIMITS.password.min} characters`)
  process.exit(2)
}
const config = loadConfig()
const store = await openStore(config)
const user = await ensureAdmin({ store, config, events: new EventBus(), log: pino({ level: 'warn' }), now: () => new Date() }, email, password, displayName)
console.log(`admin ready: ${user.email} (${user.id})`)
await store.close()
