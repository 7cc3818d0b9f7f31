/**
 * A cap on open live (socket.io) sockets: per user (`maxSocketsPerUser`)
 * and, for visitors, per address (`maxSocketsPerAddress`); one more is
 * refused with a connect error; once one closes, a new one is accepted.
 */
import assert from 'node:assert/strict'
import { liveSuite } from '../helpers/live-suite.ts'
import { waitFor } from '../collab/clients.ts'

describe('Live: sockets per user and per address', () => {
  const live = liveSuite({ config: { maxSocketsPerUser: 2, maxSocketsPerAddress: 3 } })
  const open = live.open
  const refused = (cookie?: string | null): Promise<string> =>
    open(cookie).then(() => 'connected', (err: Error) => err.message)

  it('refuses a user\'s third socket until one closes', async () => {
    const citizen = await live.s.as('citizen')
    const other = await live.s.as('citizen')
    const first = await open(citizen.cookie)
    await open(citizen.cookie)
    assert.equal(await refused(citizen.cookie), 'too many open connections')
    assert.equal(await refused(other.cookie), 'connected')
    first.disconnect()
    await waitFor(() => live.s.app.live.io.of('/').sockets.size === 2, 'the server to see the first socket close')
    assert.equal(await refused(citizen.cookie), 'connected')
  })

  it('refuses a fourth visitor from one address', async () => {
    for (let i = 0; i < 3; i++) await open()
    assert.equal(await refused(), 'too many open connections')
    const citizen = await live.s.as('citizen')
    assert.equal(await refused(citizen.cookie), 'connected')
  })
})
