/**
 * A cap on open live (socket.io) sockets: per user (`maxSocketsPerUser`)
 * and, for visitors, per address (`maxSocketsPerAddress`); one more is
 * refused with a connect error; once one closes, a new one is accepted.
 */
import assert from 'node:assert/strict'
import type { Socket } from 'socket.io-client'
import { startServer, type TestServer } from '../helpers/server.ts'
import { connect } from '../helpers/live.ts'
import { waitFor } from '../collab/clients.ts'

describe('Live: sockets per user and per address', () => {
  let s: TestServer
  const sockets: Socket[] = []
  beforeEach(async () => { s = await startServer({ config: { maxSocketsPerUser: 2, maxSocketsPerAddress: 3 } }) })
  afterEach(async () => {
    for (const x of sockets.splice(0)) x.disconnect()
    await s.stop()
  })
  const open = async (cookie?: string | null): Promise<Socket> => {
    const socket = await connect(s.url, cookie ?? undefined)
    sockets.push(socket)
    return socket
  }
  const refused = (cookie?: string | null): Promise<string> =>
    open(cookie).then(() => 'connected', (err: Error) => err.message)

  it('refuses a user\'s third socket until one closes', async () => {
    const citizen = await s.as('citizen')
    const other = await s.as('citizen')
    const first = await open(citizen.cookie)
    await open(citizen.cookie)
    assert.equal(await refused(citizen.cookie), 'too many open connections')
    assert.equal(await refused(other.cookie), 'connected')
    first.disconnect()
    await waitFor(() => s.app.live.io.of('/').sockets.size === 2, 'the server to see the first socket close')
    assert.equal(await refused(citizen.cookie), 'connected')
  })

  it('refuses a fourth visitor from one address', async () => {
    for (let i = 0; i < 3; i++) await open()
    assert.equal(await refused(), 'too many open connections')
    const citizen = await s.as('citizen')
    assert.equal(await refused(citizen.cookie), 'connected')
  })
})
