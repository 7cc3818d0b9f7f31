/**
 * What every use case needs: the store, the settings, the clock, the event
 * bus and a logger. Passed explicitly so tests can build their own.
 */
import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import type { Store, UserRecord } from './store.ts'
import type { EventBus } from './events.ts'

export interface Ctx {
  store: Store
  config: Config
  events: EventBus
  log: Logger
  /** The current time; tests may move it. */
  now: () => Date
}

/** Who is acting: a signed-in user, or null for an anonymous visitor. */
export type Actor = UserRecord | null
