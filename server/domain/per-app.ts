/**
 * State the domain keeps in memory once per app (per `ctx`): the
 * contribution limiter, the sign-in throttle, caches. Held weakly, so an app
 * that is dropped (tests start many in one process) takes its state along.
 */
import type { Ctx } from './context.ts'

/** One value per app: `of` makes it with `create` (the app's settings and clock) on first use, unless `set` installed one. */
export function perApp<T> (create: (ctx: Ctx) => T) {
  const held = new WeakMap<Ctx, T>()
  return {
    of (ctx: Ctx): T {
      let value = held.get(ctx)
      if (value === undefined) {
        value = create(ctx)
        held.set(ctx, value)
      }
      return value
    },
    set (ctx: Ctx, value: T): void {
      held.set(ctx, value)
    }
  }
}
