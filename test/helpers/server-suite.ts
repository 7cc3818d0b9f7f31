/**
 * The server lifecycle of an API test file in one line: a real server for
 * the whole `describe` (or one per test), stopped after it.
 */
import { startServer, type TestServer } from './server.ts'

type ServerOptions = Parameters<typeof startServer>[0]

/**
 * Call first in a mocha `describe`: `const s = serverSuite({ config: { … } })`.
 * The returned object is the running server (same members as `startServer`'s),
 * usable in hooks and tests once the suite's `before` (or `beforeEach` with
 * `scope: 'test'`) has started it; it is stopped in `after` (`afterEach`).
 * The options may be a function, called as the server starts, for values that
 * earlier hooks set (a mail server's address): `serverSuite(() => ({ … }))`.
 */
export function serverSuite (options: ServerOptions & { scope?: 'file' | 'test' } | (() => ServerOptions) = {}): TestServer {
  const scope = typeof options === 'function' ? 'file' : options.scope
  let server: TestServer | null = null
  const start = async (): Promise<void> => { server = await startServer(typeof options === 'function' ? options() : options) }
  const stop = async (): Promise<void> => {
    await server?.stop()
    server = null
  }
  if (scope === 'test') {
    beforeEach(start)
    afterEach(stop)
  } else {
    before(start)
    after(stop)
  }
  return new Proxy({} as TestServer, {
    get (_, key) {
      if (!server) throw new Error(`the suite's server is used before its hook started it (${String(key)})`)
      return Reflect.get(server, key)
    }
  })
}
