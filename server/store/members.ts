/** The members of a store object, for wrappers that decorate every method (timing, cache invalidation). */

/** Own and inherited property names of a store (a plain object or a class instance), without `constructor`. */
export function storeMembers (store: object): string[] {
  const keys = new Set<string>()
  for (let p: object | null = store; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) if (k !== 'constructor') keys.add(k)
  }
  return [...keys]
}
