/**
 * GET /metrics (Prometheus text): requests by route template and status with durations, votes,
 * live sockets, collaboration documents and peers, event-loop delay, store latency.
 */
import assert from 'node:assert/strict'
import { io, type Socket } from 'socket.io-client'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { connect as collabConnect, synced, type Peer } from '../collab/clients.ts'

/** The value of one sample line (`name{labels} value`), or undefined. */
function sample (text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!m || m[1] !== name) continue
    const have = m[2] ? m[2].split(/,(?=[a-zA-Z_]+=)/) : []
    if (want.every(w => have.includes(w)) && have.length === want.length) return Number(m[3])
  }
  return undefined
}

describe('Operations: /metrics', () => {
  let socket: Socket | undefined
  let peer: Peer | undefined
  // Registered before the suite's own `after`: the clients leave before the server stops.
  after(() => {
    socket?.disconnect()
    peer?.destroy()
  })
  const s = serverSuite()
  const metrics = async () => {
    const r = await fetch(`${s.url}/metrics`)
    assert.equal(r.status, 200)
    assert.match(r.headers.get('content-type') ?? '', /^text\/plain/)
    return r.text()
  }

  it('counts requests by route template and status, never by raw path, with durations', async () => {
    const author = await s.as('author')
    const voter = await s.as('citizen')
    const bill = await publishedBill(author)
    assert.equal((await voter.put(`/articles/${bill.articles[0].id}/vote`, { value: 'for' })).status, 200)
    assert.equal((await voter.put(`/articles/${bill.articles[1].id}/vote`, { value: 'against' })).status, 200)
    assert.equal((await voter.put('/articles/art_nope/vote', { value: 'for' })).status, 404)
    assert.equal((await voter.get('/no/such/route')).status, 404)
    const text = await metrics()
    const vote = { method: 'PUT', route: '/api/v1/articles/:articleId/vote' }
    assert.equal(sample(text, 'alinea_http_requests_total', { ...vote, status: '200' }), 2)
    assert.equal(sample(text, 'alinea_http_requests_total', { ...vote, status: '404' }), 1)
    assert.equal(sample(text, 'alinea_http_request_duration_seconds_count', { ...vote, status: '200' }), 2)
    assert.ok(sample(text, 'alinea_http_request_duration_seconds_sum', { ...vote, status: '200' })! > 0)
    assert.equal(sample(text, 'alinea_http_requests_total', { method: 'GET', route: '(unmatched)', status: '404' }), 1)
    assert.ok(!text.includes('art_nope') && !text.includes('/no/such/route'), 'raw paths never become labels')
    assert.equal(sample(text, 'alinea_votes_total', { target: 'article' }), 2)
    assert.ok(sample(text, 'alinea_store_operation_duration_seconds_count', { operation: 'castVote' })! >= 2)
    assert.ok(sample(text, 'alinea_event_loop_delay_seconds', { quantile: '0.99' })! >= 0)
    assert.ok(sample(text, 'alinea_http_requests_in_flight')! >= 0)
  })

  it('reports live sockets and collaboration documents and peers', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    let text = await metrics()
    assert.equal(sample(text, 'alinea_live_sockets'), 0)
    assert.equal(sample(text, 'alinea_collab_documents'), 0)
    assert.equal(sample(text, 'alinea_collab_peers'), 0)
    socket = io(s.url, { transports: ['websocket'], reconnection: false })
    await new Promise<void>((resolve, reject) => { socket!.once('connect', resolve); socket!.once('connect_error', reject) })
    peer = collabConnect(s.url, bill.id, { cookie: author.cookie })
    await synced(peer)
    text = await metrics()
    assert.equal(sample(text, 'alinea_live_sockets'), 1)
    assert.equal(sample(text, 'alinea_collab_documents'), 1)
    assert.equal(sample(text, 'alinea_collab_peers'), 1)
  })
})
