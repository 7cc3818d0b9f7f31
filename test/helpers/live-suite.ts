/**
 * The lifecycle of the live (socket.io) test files: a fresh server for each
 * test, and the sockets a test opens disconnected after it, before the
 * server stops.
 */
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client'
import { startServer, type TestServer } from './server.ts'
import { connect } from './live.ts'

/** What a live suite gives its tests. */
export interface LiveSuite {
  /** The current test's server. */
  readonly s: TestServer
  /** Opens a socket with this session cookie (none: a visitor) and `connect`'s options; rejects as `connect` does; disconnected after the test. */
  open (cookie?: string | null, options?: Partial<ManagerOptions & SocketOptions>): Promise<Socket>
}

/** Call first in a live `describe`: `const live = liveSuite({ config: { … } })`. */
export function liveSuite (options: Parameters<typeof startServer>[0] = {}): LiveSuite {
  let server: TestServer | null = null
  const sockets: Socket[] = []
  beforeEach(async () => { server = await startServer(options) })
  afterEach(async () => {
    for (const x of sockets.splice(0)) x.disconnect()
    await server?.stop()
    server = null
  })
  const suite: LiveSuite = {
    get s () {
      if (!server) throw new Error('the live suite is used outside a test')
      return server
    },
    async open (cookie, options) {
      const socket = await connect(suite.s.url, cookie ?? undefined, options)
      sockets.push(socket)
      return socket
    }
  }
  return suite
}
