/**
 * State the domain keeps in memory once per app (per `ctx`): the
 * contribution limiter, the sign-in throttle, caches. Held weakly, so an app
 * that is dropped (tests start many in one process) takes its state along.
 */
import type { Ctx } from './context.ts'

/** One value per app: made by `create` on first use, unless one was installed in its place. */
export interface PerApp<T> {
  of (ctx: Ctx): T
  set (ctx: Ctx, value: T): void
}

/** Per-app state made by `create` (with the app's settings and clock) the first time an app asks for it. */
export function perApp<T> (create: (ctx: Ctx) => T): PerApp<T> {
  const held = new WeakMap<Ctx, T>()
  return {
    of (ctx) {
      let value = held.get(ctx)
      if (value === undefined) {
        value = create(ctx)
        held.set(ctx, value)
      }
      return value
    },
    set (ctx, value) {
      held.set(ctx, value)
    }
  }
}
