import assert from 'node:assert/strict'
import { loadConfig } from '../../server/config.ts'
import { startServer, type TestServer } from '../helpers/server.ts'

/** Sign-in attempts (10 a minute per address) each with its own X-Forwarded-For; returns the statuses. */
async function attempts (s: TestServer, forwardedFor: (i: number) => string, n = 11): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < n; i++) {
    const r = await s.client().request('POST', '/auth/login', { email: `nobody${i}@example.org`, password: 'not the password' }, { 'x-forwarded-for': forwardedFor(i) })
    statuses.push(r.status)
  }
  return statuses
}

describe('hardening: X-Forwarded-For trusted through ALINEA_TRUST_PROXY hops only', function () {
  this.timeout(30_000)

  it('reads ALINEA_TRUST_PROXY as a hop count (yes/no still mean 1/0)', () => {
    const hops = (v: string) => loadConfig({ ALINEA_TRUST_PROXY: v }, { dbFile: ':memory:' }).trustProxy
    assert.equal(hops('2'), 2)
    assert.equal(hops('0'), 0)
    assert.equal(hops('yes'), 1)
    assert.equal(hops('off'), 0)
    assert.equal(loadConfig({}, { dbFile: ':memory:' }).trustProxy, 0)
    assert.throws(() => hops('-1'), /ALINEA_TRUST_PROXY/)
  })

  it('ignores X-Forwarded-For without a trusted proxy: a forged address does not get around the limit', async () => {
    const s = await startServer({ config: { ipLimits: true, trustProxy: loadConfig({ ALINEA_TRUST_PROXY: '0' }, { dbFile: ':memory:' }).trustProxy } })
    try {
      const statuses = await attempts(s, i => `203.0.113.${i + 1}`)
      assert.equal(statuses[10], 429)
    } finally { await s.stop() }
  })

  it('with two hops, takes the address the second proxy saw, not what the client wrote further left', async () => {
    const s = await startServer({ config: { ipLimits: true, trustProxy: loadConfig({ ALINEA_TRUST_PROXY: '2' }, { dbFile: ':memory:' }).trustProxy } })
    try {
      // client-written, then the client's real address as seen by the CDN, then the CDN as seen by the balancer.
      const distinct = await attempts(s, i => `198.51.100.7, 203.0.113.${i + 1}, 10.0.0.1`)
      assert.deepEqual(distinct, Array(11).fill(401))
      const forged = await attempts(s, i => `198.51.100.${i + 1}, 203.0.113.99, 10.0.0.1`)
      assert.equal(forged[10], 429)
    } finally { await s.stop() }
  })
})
